import { VariantSummary } from './VariantSummary'
import { VerdictBadge } from './VerdictBadge'
import { BindingConstraint } from './BindingConstraint'
import { TotalsGrid } from './TotalsGrid'
import { ChecksTable } from './ChecksTable'
import { AssumptionsPanel } from './AssumptionsPanel'
import { PowerPanel } from './PowerPanel'
import { YearPanel } from './YearPanel'
import { MeasuredPanel } from './calibration/MeasuredPanel'
import { EconSummary } from './economics/EconSummary'
import { Inspector } from './inspector/Inspector'
import { LayoutChecks } from './inspector/LayoutChecks'

export function SidePanel() {
  return (
    <aside className="side-panel" aria-label="Report">
      <VariantSummary />
      <div className="panel-section verdict-section">
        <VerdictBadge />
      </div>
      <BindingConstraint />
      <Inspector />
      <TotalsGrid />
      <EconSummary />
      <PowerPanel />
      <YearPanel />
      <MeasuredPanel />
      <LayoutChecks />
      <AssumptionsPanel />
      <ChecksTable />
    </aside>
  )
}
