// The economics of every variant side by side, the cumulative cash, the capex by item, the
// sensitivity of the current variant's NPV, and the capacity search. Figures come from the
// reports the worker computes; the view only draws them.
import { selectVariant, useStore } from '../../store'
import { CapacityCard } from './CapacityCard'
import { CapexChart } from './CapexChart'
import { CashFlowChart } from './CashFlowChart'
import { ComparisonTable } from './ComparisonTable'
import { formatRate } from './money'
import { TornadoChart } from './TornadoChart'
import { useVariantEconomics } from './useVariantEconomics'

export function EconomicsView() {
  const variants = useVariantEconomics()
  const currentName = useStore((s) => selectVariant(s)?.name ?? '')
  const current = variants.find((v) => v.current)?.economics ?? null
  const any = variants.find((v) => v.economics)?.economics ?? null
  const solving = variants.some((v) => v.pending)
  return (
    <div className="econ" data-testid="econ">
      <section className="econ-card">
        <div className="econ-card-head">
          <h3>Investment summary</h3>
          {any && (
            <span className="muted small">
              USD · {any.horizonYears}-year horizon · discount rate {formatRate(any.discountRatePct)} · steady-state year
            </span>
          )}
        </div>
        {variants.every((v) => !v.economics && !v.pending) ? (
          <p className="muted">{solving ? 'Solving…' : 'No economics in these reports.'}</p>
        ) : (
          <ComparisonTable variants={variants} />
        )}
      </section>
      <div className="econ-row wide-right">
        <section className="econ-card">
          <div className="econ-card-head">
            <h3>Cumulative cash</h3>
            <span className="muted small">after tax, undiscounted</span>
          </div>
          <CashFlowChart variants={variants} />
        </section>
        <section className="econ-card">
          <div className="econ-card-head">
            <h3>NPV sensitivity</h3>
            <span className="muted small">{currentName}</span>
          </div>
          {current ? <TornadoChart economics={current} /> : <p className="muted">{solving ? 'Solving…' : 'No economics for this variant.'}</p>}
        </section>
      </div>
      <div className="econ-row">
        <section className="econ-card">
          <div className="econ-card-head">
            <h3>Capex by item</h3>
          </div>
          <CapexChart variants={variants} />
        </section>
        <CapacityCard />
      </div>
    </div>
  )
}
