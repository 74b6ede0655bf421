// The "Layout" section of the panel: the layout problems of the variant (overlaps, items outside
// the walls, narrow aisles, blocked intake or exhaust), each selecting its items; and the two
// limits they use. The problems are the solver's layout checks, one for one: the same model
// function with the same parameters (store/layoutSelectors.ts), shown at once after an edit.
// The limits are solver parameters of the variant: changing one is an undoable scene edit.
import type { LayoutRule } from '../../model/clearance'
import { DEFAULT_PARAMS } from '../../model/params'
import { setVariantParam } from '../../editor/paramCommands'
import { selectLayoutProblems, selectParams, useStore } from '../../store'
import { StatusDot } from '../StatusDot'
import { QuantityField } from './QuantityField'

const RULE_NAMES: Record<LayoutRule, string> = { overlap: 'Overlap', aisle: 'Aisle', outside: 'Outside walls', airway: 'Airway' }

const within = (v: number) => (v >= 0 && v <= 10 ? null : 'expected 0 to 10 m')

export function LayoutChecks() {
  const problems = useStore(selectLayoutProblems)
  const params = useStore(selectParams)
  const variantId = useStore((s) => s.variantId)
  const applyCommand = useStore((s) => s.requestEdit)
  const selectItems = useStore((s) => s.selectItems)
  const set = (key: 'minAisleM' | 'intakeClearanceM', label: string) => (v: number) => {
    if (variantId) applyCommand(setVariantParam(variantId, key, v, `${label} ${v} m`))
  }
  return (
    <section className="panel-section ed-layout" aria-label="Layout" data-testid="layout-checks" data-count={problems.length}>
      <div className="section-head">
        <h3>Layout</h3>
        <span className={problems.length ? 'tag ed-tag-fail' : 'tag'}>{problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'clear'}</span>
      </div>
      <div className="ed-aisle">
        <QuantityField label="Min. aisle" value={params.minAisleM} unit="m" validate={within} onCommit={set('minAisleM', 'Min. aisle')} testId="min-aisle" />
        <span className="muted small">default {DEFAULT_PARAMS.minAisleM} m (params.minAisleM)</span>
      </div>
      <div className="ed-aisle">
        <QuantityField label="Intake clear" value={params.intakeClearanceM} unit="m" validate={within} onCommit={set('intakeClearanceM', 'Intake clearance')} testId="intake-clearance" />
        <span className="muted small">default {DEFAULT_PARAMS.intakeClearanceM} m (params.intakeClearanceM)</span>
      </div>
      {problems.length > 0 && (
        <ul className="ed-issues">
          {problems.map((p) => (
            <li key={`${p.rule}-${p.ids.join('-')}`}>
              <button type="button" onClick={() => selectItems(p.ids)} data-testid="layout-issue" data-rule={p.rule}>
                <StatusDot status="fail" /> <span className="ed-rule">{RULE_NAMES[p.rule]}</span> {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
