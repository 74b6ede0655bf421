// A row of mutually exclusive buttons (view switch, colour mode): one active at a time.
export interface SegmentOption<T extends string> {
  id: T
  label: string
  title: string
}

export interface SegmentedControlProps<T extends string> {
  options: readonly SegmentOption<T>[]
  value: T
  onChange: (id: T) => void
  label: string
  /** data-testid of each button: `${testIdPrefix}-${id}`. */
  testIdPrefix: string
  role?: 'tablist' | 'radiogroup'
}

export function SegmentedControl<T extends string>({ options, value, onChange, label, testIdPrefix, role = 'radiogroup' }: SegmentedControlProps<T>) {
  const itemRole = role === 'tablist' ? 'tab' : 'radio'
  return (
    <div className="segmented compact" role={role} aria-label={label}>
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          role={itemRole}
          {...(itemRole === 'tab' ? { 'aria-selected': value === o.id } : { 'aria-checked': value === o.id })}
          className={value === o.id ? 'active' : undefined}
          data-testid={`${testIdPrefix}-${o.id}`}
          title={o.title}
          onClick={() => onChange(o.id)}
        >
          {o.label}
        </button>
      ))}
    </div>
  )
}
