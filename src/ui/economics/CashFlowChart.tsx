// Cumulative cash over the horizon, one line per variant: the chart of
// src/report/svg/CashFlowSvg.tsx (the report renders the same component to static markup) at the
// width of its panel.
import { CashFlowSvg } from '../../report/svg/CashFlowSvg'
import { useWidth } from './useWidth'
import type { VariantEconomics } from './useVariantEconomics'

export function CashFlowChart({ variants }: { variants: VariantEconomics[] }) {
  const [ref, width] = useWidth<HTMLDivElement>(480)
  return (
    <div ref={ref} className="econ-chart" data-testid="econ-cashflow">
      <CashFlowSvg variants={variants} width={width} />
    </div>
  )
}
