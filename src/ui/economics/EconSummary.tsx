// The current variant's economics in four figures; a click opens the Economics view.
import { selectEconomics, useStore } from '../../store'
import { Money } from './Money'
import { fmtPctOrDash } from '../../report/format'
import { formatRate } from './money'
import { Payback } from './ComparisonTable'

export function EconSummary() {
  const economics = useStore(selectEconomics)
  const open = useStore((s) => s.setMainView)
  if (!economics) return null
  return (
    <section className="panel-section econ-summary">
      <button type="button" className="econ-summary-body" data-testid="econ-summary" onClick={() => open('econ')} title="Open the Economics view">
        <div className="section-head">
          <h3>Economics</h3>
          <span className="link-text small">compare variants ›</span>
        </div>
        <dl className="power-figures econ-summary-figures">
          <div className="figure">
            <dt>NPV @ {formatRate(economics.discountRatePct)}</dt>
            <dd>
              <Money usd={economics.npvUsd} className={`figure-value${economics.buildable === false ? ' muted' : ''}`} />
              {economics.buildable === false && (
                <span className="figure-unit text-fail" title={economics.notBuildable ? `${economics.notBuildable.title} — ${economics.notBuildable.subject}` : undefined}>
                  not buildable
                </span>
              )}
            </dd>
          </div>
          <div className="figure">
            <dt>IRR</dt>
            <dd>
              <span className={`figure-value num${economics.irrPct !== null && economics.irrPct < 0 ? ' neg' : ''}`}>{fmtPctOrDash(economics.irrPct)}</span>
            </dd>
          </div>
          <div className="figure">
            <dt>Payback</dt>
            <dd>
              <Payback economics={economics} className="figure-value" />
            </dd>
          </div>
          <div className="figure">
            <dt>Capex</dt>
            <dd>
              <Money usd={economics.capexUsd} className="figure-value" />
            </dd>
          </div>
        </dl>
      </button>
    </section>
  )
}
