// Capex by item, one stacked bar per variant: the chart of src/report/svg/CapexSvg.tsx (the report
// renders the same component to static markup) at the width of its panel.
import { CapexSvg } from '../../report/svg/CapexSvg'
import { useWidth } from './useWidth'
import type { VariantEconomics } from './useVariantEconomics'

export function CapexChart({ variants }: { variants: VariantEconomics[] }) {
  const [ref, width] = useWidth<HTMLDivElement>(480)
  return (
    <div ref={ref} className="econ-chart" data-testid="econ-capex-chart">
      <CapexSvg variants={variants} width={width} />
    </div>
  )
}
