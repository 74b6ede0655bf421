import { useStore, type ColourMode } from '../store'

const MODES: { id: ColourMode; label: string; title: string }[] = [
  { id: 'kind', label: 'Kind', title: 'Colour racks by device kind (ASIC / GPU)' },
  { id: 'status', label: 'Status', title: 'Colour racks and equipment by check status' },
]

export function ColourModeToggle() {
  const mode = useStore((s) => s.colourMode)
  const setMode = useStore((s) => s.setColourMode)
  return (
    <div className="toolbar-group">
      <span className="toolbar-label">Colour by</span>
      <div className="segmented compact" role="radiogroup" aria-label="Colour mode">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            role="radio"
            aria-checked={mode === m.id}
            className={mode === m.id ? 'active' : undefined}
            data-testid={`colour-${m.id}`}
            title={m.title}
            onClick={() => setMode(m.id)}
          >
            {m.label}
          </button>
        ))}
      </div>
    </div>
  )
}
