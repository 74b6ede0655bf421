import { VariantSummary } from './VariantSummary'
import { VerdictBadge } from './VerdictBadge'
import { BindingConstraint } from './BindingConstraint'
import { TotalsGrid } from './TotalsGrid'
import { ChecksTable } from './ChecksTable'
import { AssumptionsPanel } from './AssumptionsPanel'
import { PowerPanel } from './PowerPanel'

export function SidePanel() {
  return (
    <aside className="side-panel" aria-label="Report">
      <VariantSummary />
      <div className="panel-section verdict-section">
        <VerdictBadge />
      </div>
      <BindingConstraint />
      <TotalsGrid />
      <PowerPanel />
      <AssumptionsPanel />
      <ChecksTable />
    </aside>
  )
}
