// The investment summary: one column per variant (the current one highlighted), one row per
// figure. Click a column head to make that variant current. A variant whose verdict fails is not
// buildable as drawn: the table says why and what passing would cost, and its NPV is not ranked;
// the best NPV among the buildable ones is marked.
import type { ReactNode } from 'react'
import { useStore } from '../../store'
import type { EconomicsResult } from '../../solver/economics/types'
import { StatusDot } from '../StatusDot'
import { Money } from './Money'
import { fmt, fmtPctOrDash, fmtUsd, paybackParts } from '../../report/format'
import { formatRate } from './money'
import type { VariantEconomics } from './useVariantEconomics'

interface Row {
  label: string
  hint?: string
  cell: (e: EconomicsResult, v: VariantEconomics) => ReactNode
  strong?: boolean
  testId?: string
  /** A thin rule above the row: starts a group. */
  group?: boolean
}

const perYear = (usd: number) => (
  <>
    <Money usd={usd} />
    <span className="econ-unit">/yr</span>
  </>
)

function rows(first: EconomicsResult | null): Row[] {
  const rate = first ? formatRate(first.discountRatePct) : 'the discount rate'
  const horizon = first ? `${first.horizonYears} yr` : 'the horizon'
  return [
    { label: 'Buildable as drawn', hint: 'Whether every check passes; if not, the check that binds', cell: (e) => <Buildable economics={e} />, testId: 'econ-buildable' },
    { label: 'Cost to make it pass', hint: 'The upgrade advice of every failing check, priced from models/economics.json', cell: (e) => <CostToPassCell economics={e} />, testId: 'econ-cost-to-pass' },
    { label: 'Capex', hint: 'Up-front investment, all lines', cell: (e) => <Money usd={e.capexUsd} />, testId: 'econ-capex', group: true },
    { label: 'Revenue', hint: 'Steady-state year, after the lead time', cell: (e) => perYear(e.revenueUsdPerYear), group: true },
    { label: 'Opex', hint: 'Energy, staff, maintenance; steady-state year', cell: (e) => perYear(e.opexUsdPerYear) },
    { label: 'of which energy', hint: 'Electricity at the tariff, from the typical year where it was simulated', cell: (e) => <span className="muted" title={energyTitle(e)}>{fmtUsd(e.energyUsdPerYear)}/yr</span> },
    { label: 'PUE, year', hint: 'Facility / IT energy on the energy basis (the typical year’s annual PUE; the side panel’s is the design day’s)', cell: (e) => <span className="muted" title={energyTitle(e)}>{e.energy ? fmt(e.energy.pue, 3) : '—'}{e.energy?.basis === 'design day' ? ' (design day)' : ''}</span> },
    { label: 'EBITDA', cell: (e) => perYear(e.ebitdaUsdPerYear), strong: true },
    { label: `NPV @ ${rate}`, hint: `Net present value over ${horizon}`, cell: (e, v) => <Npv economics={e} best={v.best} />, strong: true, testId: 'econ-npv', group: true },
    { label: 'IRR', cell: (e) => <span className={`num${e.irrPct !== null && e.irrPct < 0 ? ' neg' : ''}`}>{fmtPctOrDash(e.irrPct)}</span> },
    { label: 'Payback', hint: 'Years until cumulative cash turns positive', cell: (e) => <Payback economics={e} /> },
    {
      label: 'Break-even hashprice',
      hint: 'Hashprice at which NPV = 0',
      cell: (e) => (e.breakEvenHashpriceUsdPerPHDay === null ? <span className="muted">—</span> : <span className="num">${fmt(e.breakEvenHashpriceUsdPerPHDay, 1)}<span className="econ-unit">/PH/day</span></span>),
      group: true,
    },
    {
      label: 'Break-even GPU-hour',
      hint: 'GPU-hour price at which NPV = 0',
      cell: (e) => (e.breakEvenGpuHourUsd === null ? <span className="muted">—</span> : <span className="num">${fmt(e.breakEvenGpuHourUsd, 2)}<span className="econ-unit">/GPU-h</span></span>),
    },
  ]
}

function energyTitle(e: EconomicsResult): string | undefined {
  const en = e.energy
  if (!en) return undefined
  return `${en.basis === 'typical year' ? 'Typical year' : 'Design day × 8,760 h (the year was not simulated)'}: ${fmt(en.mwhPerYear, 0)} MWh a year (${fmt(en.loadShare * 100, 0)} % of full load) × ${fmt(en.tariffUsdPerMWh, 0)} USD/MWh`
}

/** "yes", or "no" with the check that binds. */
function Buildable({ economics: e }: { economics: EconomicsResult }) {
  if (e.buildable !== false || !e.notBuildable) return <span className="text-ok">yes</span>
  const why = e.notBuildable
  return (
    <span className="econ-why" title={`${why.title} — ${why.subject}${why.failing > 1 ? `; ${why.failing} checks fail` : ''}`}>
      <span className="text-fail econ-no">no</span>
      <span className="econ-why-text">{why.title}</span>
    </span>
  )
}

function CostToPassCell({ economics: e }: { economics: EconomicsResult }) {
  const c = e.costToPass
  if (!c) return <span className="muted">—</span>
  const title = c.lines.map((l) => `${l.title} (${l.subject}): ${l.text} — ${l.costUsd === null ? 'not priced' : l.includedIn ? 'included' : fmtUsd(l.costUsd)}${l.basis ? ` [${l.basis}]` : ''}`).join('\n')
  const priced = c.lines.some((l) => l.costUsd !== null)
  return (
    <span title={title}>
      {priced ? <Money usd={c.pricedUsd} /> : null}
      {c.unpriced.length > 0 && <span className="econ-unit">{priced ? ' + ' : ''}{c.unpriced.length} not priced</span>}
    </span>
  )
}

/** The NPV: marked best among the buildable, or greyed and "not ranked" where it cannot run. */
function Npv({ economics: e, best }: { economics: EconomicsResult; best: boolean }) {
  if (e.buildable === false) {
    return (
      <span className="econ-unranked" title="Not buildable as drawn: what it would earn if it ran, not ranked">
        <Money usd={e.npvUsd} /> <span className="tag">not ranked</span>
      </span>
    )
  }
  return (
    <>
      <Money usd={e.npvUsd} />
      {best && <span className="tag tag-best" data-testid="econ-best"> best</span>}
    </>
  )
}

/** Years to payback as every view says it (report/format.ts): "—" with "no investment" where
 *  the cash never goes negative, "never" when it is still negative at the end of the horizon. */
export function Payback({ economics: e, className }: { economics: EconomicsResult; className?: string }) {
  const p = paybackParts(e.paybackYears, e.horizonYears)
  return (
    <span title={p.reason ?? undefined} data-testid="payback">
      <span className={`num${e.paybackYears === null ? ' neg' : ''}${className ? ` ${className}` : ''}`}>{p.text}</span>
      {p.note && <span className="econ-unit"> {p.note}</span>}
    </span>
  )
}

export function ComparisonTable({ variants }: { variants: VariantEconomics[] }) {
  const setVariant = useStore((s) => s.setVariant)
  const first = variants.find((v) => v.economics)?.economics ?? null
  return (
    <table className="econ-table" data-testid="econ-table">
      <colgroup>
        <col className="econ-col-label" />
        {variants.map((v) => (
          <col key={v.id} className={v.current ? 'current' : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th />
          {variants.map((v) => (
            <th key={v.id} className={v.current ? 'current' : undefined} data-testid="econ-col" data-variant={v.id}>
              <button type="button" className="econ-head" onClick={() => setVariant(v.id)} title={v.current ? 'Current variant' : 'Make this the current variant'}>
                <span className="econ-swatch" style={{ background: v.colour }} />
                <span className="econ-head-name">{v.name}</span>
                <StatusDot status={v.verdict ?? 'none'} title={v.verdict ? `engineering verdict ${v.verdict}` : 'not solved yet'} />
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows(first).map((row) => (
          <tr key={row.label} className={`${row.strong ? 'strong' : ''}${row.group ? ' group' : ''}`}>
            <th scope="row" title={row.hint}>
              {row.label}
            </th>
            {variants.map((v) => (
              <td key={v.id} className={v.current ? 'current' : undefined} data-testid={row.testId} data-variant={v.id}>
                {v.economics ? row.cell(v.economics, v) : <span className="muted">{v.pending ? 'solving…' : '—'}</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
