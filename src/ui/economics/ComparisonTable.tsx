// The investment summary: one column per variant (the current one highlighted), one row per
// figure. Click a column head to make that variant current.
import type { ReactNode } from 'react'
import { useStore } from '../../store'
import type { EconomicsResult } from '../../solver/economics/types'
import { StatusDot } from '../StatusDot'
import { Money } from './Money'
import { fmtPayback, fmtPctOrDash, fmtUsd } from '../../report/format'
import { formatRate } from './money'
import type { VariantEconomics } from './useVariantEconomics'

interface Row {
  label: string
  hint?: string
  cell: (e: EconomicsResult) => ReactNode
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
    { label: 'Capex', hint: 'Up-front investment, all lines', cell: (e) => <Money usd={e.capexUsd} />, testId: 'econ-capex' },
    { label: 'Revenue', hint: 'Steady-state year, after the lead time', cell: (e) => perYear(e.revenueUsdPerYear), group: true },
    { label: 'Opex', hint: 'Energy, staff, maintenance; steady-state year', cell: (e) => perYear(e.opexUsdPerYear) },
    { label: 'of which energy', hint: 'Electricity at the tariff', cell: (e) => <span className="muted">{fmtUsd(e.energyUsdPerYear)}/yr</span> },
    { label: 'EBITDA', cell: (e) => perYear(e.ebitdaUsdPerYear), strong: true },
    { label: `NPV @ ${rate}`, hint: `Net present value over ${horizon}`, cell: (e) => <Money usd={e.npvUsd} />, strong: true, testId: 'econ-npv', group: true },
    { label: 'IRR', cell: (e) => <span className={`num${e.irrPct !== null && e.irrPct < 0 ? ' neg' : ''}`}>{fmtPctOrDash(e.irrPct)}</span> },
    { label: 'Payback', hint: 'Years until cumulative cash turns positive', cell: (e) => <Payback economics={e} /> },
    {
      label: 'Break-even hashprice',
      hint: 'Hashprice at which NPV = 0',
      cell: (e) => (e.breakEvenHashpriceUsdPerPHDay === null ? <span className="muted">—</span> : <span className="num">${e.breakEvenHashpriceUsdPerPHDay.toFixed(1)}<span className="econ-unit">/PH/day</span></span>),
      group: true,
    },
    {
      label: 'Break-even GPU-hour',
      hint: 'GPU-hour price at which NPV = 0',
      cell: (e) => (e.breakEvenGpuHourUsd === null ? <span className="muted">—</span> : <span className="num">${e.breakEvenGpuHourUsd.toFixed(2)}<span className="econ-unit">/GPU-h</span></span>),
    },
  ]
}

/** Years to payback as every view says it: "0 y" when the cash never goes negative, "never" when
 *  it is still negative at the end of the horizon. */
export function Payback({ economics: e, className }: { economics: EconomicsResult; className?: string }) {
  const title = e.paybackYears === null ? `cumulative cash still negative after ${e.horizonYears} y` : e.paybackYears === 0 ? 'nothing to pay back: the cash never goes negative' : undefined
  return (
    <span className={`num${e.paybackYears === null ? ' neg' : ''}${className ? ` ${className}` : ''}`} title={title}>
      {fmtPayback(e.paybackYears)}
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
                {v.economics ? row.cell(v.economics) : <span className="muted">{v.pending ? 'solving…' : '—'}</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
