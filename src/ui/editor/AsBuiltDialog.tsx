// Asks before an edit changes the as-built variant (the record of what stands on site): make a
// new variant from it and edit that (the default), edit the record anyway, or cancel.
import { useStore } from '../../store'

export function AsBuiltDialog() {
  const pending = useStore((s) => s.pendingAsBuiltEdit)
  const name = useStore((s) => s.scene?.variants.find((v) => v.id === s.pendingAsBuiltEdit?.variantId)?.name ?? '')
  const resolve = useStore((s) => s.resolveAsBuiltEdit)
  if (!pending) return null
  return (
    <div className="ed-modal-backdrop" onClick={() => resolve('cancel')}>
      <div className="ed-modal ed-confirm" role="alertdialog" aria-label="Edit the as-built variant?" data-testid="asbuilt-confirm" onClick={(e) => e.stopPropagation()}>
        <h2>Make a new variant from {name}?</h2>
        <p>
          <strong>{name}</strong> is the site as built: the other variants are costed against it. “{pending.command.label}” would change
          it. Make a new variant from it and put the edit there?
        </p>
        <div className="ed-actions">
          <button type="button" className="button" onClick={() => resolve('cancel')} data-testid="asbuilt-cancel">
            Cancel
          </button>
          <button type="button" className="button ed-danger" onClick={() => resolve('edit')} data-testid="asbuilt-edit">
            Edit the as-built record
          </button>
          <button type="button" className="button ed-primary" onClick={() => resolve('copy')} data-testid="asbuilt-copy" autoFocus>
            Make a new variant
          </button>
        </div>
      </div>
    </div>
  )
}
