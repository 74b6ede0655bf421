// Key figures of the current variant.
import { selectReport, useStore } from '../store'
import { formatMW, formatNumber } from './format'

interface Figure {
  label: string
  value: string
  unit: string
  sub?: string
}

export function TotalsGrid() {
  const totals = useStore((s) => selectReport(s)?.totals ?? null)
  const gridCapacityMVA = useStore((s) => s.scene?.site.grid.capacityMVA ?? null)
  if (!totals) return null
  const gridMVA = totals.gridKVA / 1000
  const figures: Figure[] = [
    { label: 'IT load', value: formatMW(totals.itKW), unit: 'MW' },
    { label: 'Facility, nameplate', value: formatMW(totals.facilityKW), unit: 'MW', sub: `cooling ${formatMW(totals.coolingKW)}, losses ${formatMW(totals.lossKW)}` },
    { label: 'PUE, design day', value: formatNumber(totals.pue, 3), unit: '', sub: `${formatMW(totals.designDayFacilityKW)} MW as the plant runs` },
    {
      label: 'Grid draw',
      value: formatNumber(gridMVA, 1),
      unit: 'MVA',
      sub: gridCapacityMVA ? `of ${formatNumber(gridCapacityMVA, 0)} MVA · ${formatNumber((gridMVA / gridCapacityMVA) * 100, 0)} %` : undefined,
    },
    { label: 'Heat to air', value: formatMW(totals.heatAirKW), unit: 'MW' },
    { label: 'Heat to liquid', value: formatMW(totals.heatLiquidKW), unit: 'MW' },
    { label: 'Racks', value: formatNumber(totals.rackCount, 0), unit: '' },
    { label: 'Devices', value: formatNumber(totals.deviceCount, 0), unit: '', sub: `PF ${formatNumber(totals.gridPowerFactor, 2)}` },
  ]
  return (
    <section className="panel-section">
      <h3>Totals</h3>
      <dl className="totals" data-testid="totals">
        {figures.map((f) => (
          <div key={f.label} className="figure">
            <dt>{f.label}</dt>
            <dd>
              <span className="figure-value num">{f.value}</span>
              {f.unit && <span className="figure-unit">{f.unit}</span>}
              {f.sub && <span className="figure-sub num">{f.sub}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
