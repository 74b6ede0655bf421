// What the hover label says about a piece of equipment: its name and its key figure, read from
// the solver's report (never computed here): a row's devices, power and hottest inlet; a power
// node's rating and loading; a cooling unit's part of its hall's air or liquid balance.
import type { Catalog } from '../model/catalog'
import type { Variant } from '../model/sceneSchema'
import type { Report } from '../solver/report'

export interface HoverText {
  title: string
  /** The key figures, joined with " · " when shown. */
  figures: string[]
}

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const n1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** kW under 10 MW as kW, above as MW. */
export function powerText(kw: number): string {
  return Math.abs(kw) >= 10_000 ? `${n1.format(kw / 1000)} MW` : `${n0.format(kw)} kW`
}

export function apparentPowerText(kva: number): string {
  return Math.abs(kva) >= 10_000 ? `${n1.format(kva / 1000)} MVA` : `${n0.format(kva)} kVA`
}

const percent = (u: number) => `${n0.format(u * 100)} %`

export function hoverText(id: string, variant: Variant, report: Report | null, catalog: Catalog): HoverText | null {
  for (const hall of variant.halls) {
    const row = hall.rows.find((r) => r.id === id)
    if (row) {
      const title = row.name ?? row.id
      const device = catalog.devices.get(row.deviceId)?.name ?? row.deviceId
      const r = report?.rows.find((x) => x.id === id && x.hallId === hall.id)
      if (!report || !r) return { title, figures: [`${row.rackCount * row.devicesPerRack} × ${device}`, 'not solved yet'] }
      return { title, figures: [`${n0.format(r.deviceCount)} × ${device}`, powerText(r.rowKW), `inlet ${n1.format(r.inletC)} °C (${report.inletModel.name})`] }
    }
    const unit = hall.cooling.find((c) => c.id === id)
    if (unit) {
      const model = catalog.coolingUnits.get(unit.modelId)
      const figures = [`${n0.format(unit.count)} × ${model?.name ?? unit.modelId}`]
      const h = report?.halls.find((x) => x.id === hall.id)
      if (h && model) {
        if (model.kind === 'evap-pad') figures.push(`supply air ${n1.format(h.supplyAirC)} °C`)
        if (model.kind === 'exhaust-fan' || model.kind === 'evap-pad' || model.kind === 'crah') {
          figures.push(`hall air ${n0.format(h.airflowSuppliedM3s)} of ${n0.format(h.airflowNeededM3s)} m³/s needed`)
        } else {
          figures.push(`liquid heat ${powerText(h.heatLiquidKW)} of ${powerText(h.liquidCapacityKW)}`)
        }
      } else if (!h) figures.push('not solved yet')
      return { title: unit.id, figures }
    }
  }
  const node = variant.power.find((p) => p.id === id)
  if (!node) return null
  const title = node.name ?? node.id
  const r = report?.nodes.find((x) => x.id === id)
  if (!r) return { title, figures: ['not solved yet'] }
  const figures: string[] = []
  if (r.ratingKVA !== null) figures.push(apparentPowerText(r.ratingKVA))
  figures.push(r.utilisation !== null ? percent(r.utilisation) : powerText(r.loadKW))
  if (r.contingencyUtilisation !== null) figures.push(`N-1 ${percent(r.contingencyUtilisation)}`)
  return { title, figures }
}
