// The check that limits the configuration most, with how far it is from its limit.
import { selectReport, useStore } from '../store'
import { checkFiguresText, checkRatioText } from '../report/format'
import { StatusDot } from './StatusDot'

export function BindingConstraint() {
  const binding = useStore((s) => selectReport(s)?.binding ?? null)
  const select = useStore((s) => s.select)
  if (!binding) return null
  return (
    <section className="panel-section binding" data-testid="binding">
      <h3>Binding constraint</h3>
      <button type="button" className="binding-body" onClick={() => select(binding.subjectId)} title="Show in the 3D view">
        <StatusDot status={binding.status} />
        <span className="binding-title">
          {binding.title} <span className="muted">· {binding.subject}</span>
        </span>
        <span className="binding-figures num">
          {/* "against", as the CLI and the report write it: "114 ≤ 100 %" read as a true statement */}
          {checkFiguresText(binding)}
          <span className="binding-ratio">{checkRatioText(binding)}</span>
        </span>
      </button>
      {binding.note && <p className="binding-note">{binding.note}</p>}
    </section>
  )
}
