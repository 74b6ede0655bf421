// Segmented control: one button per variant, with the variant's verdict as a dot once solved.
import { useStore } from '../store'
import { StatusDot } from './StatusDot'

export function VariantSwitch() {
  const variants = useStore((s) => s.scene?.variants)
  const variantId = useStore((s) => s.variantId)
  const reports = useStore((s) => s.reports)
  const setVariant = useStore((s) => s.setVariant)
  if (!variants) return null
  return (
    <div className="segmented" role="tablist" aria-label="Variant">
      {variants.map((v) => {
        const verdict = reports[v.id]?.verdict
        return (
          <button
            key={v.id}
            type="button"
            role="tab"
            aria-selected={v.id === variantId}
            className={v.id === variantId ? 'active' : undefined}
            data-testid={`variant-${v.id}`}
            title={v.description ?? v.name}
            onClick={() => setVariant(v.id)}
          >
            <StatusDot status={verdict ?? 'none'} title={verdict ? `verdict ${verdict}` : 'not solved yet'} />
            <span className="ellipsis">{v.name}</span>
          </button>
        )
      })}
    </div>
  )
}
