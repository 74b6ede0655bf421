// The "Layout" section of the panel: clearance problems of the variant (overlaps, narrow aisles,
// items outside the walls), each selecting its items; and the aisle minimum they use.
import { useClearanceIssues } from '../../viewport/tools/useClearance'
import { MIN_AISLE_M } from '../../editor/clearance'
import { useStore } from '../../store'
import { StatusDot } from '../StatusDot'
import { QuantityField } from './QuantityField'

const RULE_NAMES = { overlap: 'Overlap', aisle: 'Aisle', outside: 'Outside walls' } as const

export function LayoutChecks() {
  const issues = useClearanceIssues()
  const minAisleM = useStore((s) => s.minAisleM)
  const setMinAisle = useStore((s) => s.setMinAisle)
  const selectItems = useStore((s) => s.selectItems)
  return (
    <section className="panel-section ed-layout" aria-label="Layout" data-testid="layout-checks" data-count={issues.length}>
      <div className="section-head">
        <h3>Layout</h3>
        <span className={issues.length ? 'tag ed-tag-fail' : 'tag'}>{issues.length ? `${issues.length} problem${issues.length === 1 ? '' : 's'}` : 'clear'}</span>
      </div>
      <div className="ed-aisle">
        <QuantityField
          label="Min. aisle"
          value={minAisleM}
          unit="m"
          validate={(v) => (v >= 0 && v <= 10 ? null : 'expected 0 to 10 m')}
          onCommit={setMinAisle}
          testId="min-aisle"
        />
        <span className="muted small">default {MIN_AISLE_M} m (MIN_AISLE_M)</span>
      </div>
      {issues.length > 0 && (
        <ul className="ed-issues">
          {issues.map((i) => (
            <li key={`${i.rule}-${i.ids.join('-')}`}>
              <button type="button" onClick={() => selectItems(i.ids)} data-testid="layout-issue" data-rule={i.rule}>
                <StatusDot status="fail" /> <span className="ed-rule">{RULE_NAMES[i.rule]}</span> {i.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
