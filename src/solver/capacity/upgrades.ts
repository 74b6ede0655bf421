// What lifting the next rack would take: one option per kind of failing check, priced with the unit
// costs of models/economics.json, cheapest first. Rough figures for ranking, not a quotation.
import type { Catalog } from '../../model/catalog'
import type { Scene, Variant } from '../../model/sceneSchema'
import type { Check, Report } from '../report'
import type { UpgradeOption } from '../economics/types'
import { resolveEconomicsInputs } from '../economics/economics'

const kindOf = (c: Check) => c.kind

export function upgradeOptions(failing: readonly Check[], report: Report, floorBinds: boolean, catalog: Catalog, scene: Scene, base: Variant): UpgradeOption[] {
  const x = resolveEconomicsInputs(scene, base, catalog)
  const prices = catalog.economics.coolingUnits
  const byKind = new Map<string, Check[]>()
  for (const c of failing) byKind.set(kindOf(c), [...(byKind.get(kindOf(c)) ?? []), c])
  const options: UpgradeOption[] = []
  const advice = new Map(report.power.advice.map((a) => [a.checkId, a.text]))
  for (const [kind, checks] of byKind) {
    const worst = checks.reduce((a, b) => ((b.ratio ?? Infinity) > (a.ratio ?? Infinity) ? b : a))
    const over = checks.reduce((s, c) => s + Math.max(0, (c.value ?? 0) - (c.limit ?? 0)), 0)
    switch (kind) {
      case 'grid.load':
        options.push({ text: advice.get(worst.id) ?? `more grid capacity: ${(over / 1000).toFixed(1)} MVA`, costUsd: (over / 1000) * 0.95 * x.gridUsdPerMW })
        break
      case 'power.load': {
        const kva = checks.reduce((s, c) => s + (c.value ?? 0), 0)
        options.push({ text: `${checks.length} overloaded node(s): ${advice.get(worst.id) ?? 'raise their ratings'}`, costUsd: kva * x.transformerUsdPerKVA })
        break
      }
      case 'power.usable-it':
        // The firm capacity short of the IT, bought as transformer capacity at the IT power factor (approx).
        options.push({ text: advice.get(worst.id) ?? `${worst.title}: ${over.toFixed(0)} kW short`, costUsd: (over / 0.95) * x.transformerUsdPerKVA })
        break
      case 'redundancy.tier':
      case 'redundancy.n1': {
        const kva = checks.reduce((s, c) => s + (report.nodes.find((n) => n.id === c.subjectId)?.ratingKVA ?? 0), 0)
        options.push({ text: `redundancy for ${checks.length} group(s): ${advice.get(worst.id) ?? 'add a spare to each'}`, costUsd: kva * x.transformerUsdPerKVA })
        break
      }
      case 'redundancy.ups': {
        const kw = report.rows.filter((r) => checks.some((c) => c.subjectId === r.id)).reduce((s, r) => s + r.rowKW, 0)
        options.push({ text: `UPS for ${checks.length} row(s) (${(kw / 1000).toFixed(1)} MW)`, costUsd: (kw / 0.95) * x.upsUsdPerKVA })
        break
      }
      case 'density.row': {
        const racks = report.rows.filter((r) => checks.some((c) => c.subjectId === r.id)).reduce((s, r) => s + r.rackCount, 0)
        options.push({ text: `contain the aisles of ${checks.length} row(s) (${racks} racks) or move them to rear-door / liquid cooling`, costUsd: racks * x.containmentUsdPerRack })
        break
      }
      case 'liquid.cdu': {
        const cdu = prices['cdu-1350kw']?.usd ?? 0
        const n = Math.ceil(over / 1350)
        options.push({ text: `${n} × 1.35 MW CDU for ${(over / 1000).toFixed(1)} MW more liquid heat`, costUsd: n * cdu + (over / 1000) * x.retrofitLiquidUsdPerMW })
        break
      }
      case 'liquid.rejection': {
        const n = Math.ceil(over / 1000)
        options.push({ text: `${n} × 1 MW dry cooler`, costUsd: n * (prices['dry-cooler-1000kw']?.usd ?? 0) })
        break
      }
      case 'cooling.airflow': {
        const n = Math.ceil(over / 8.5)
        options.push({ text: `${n} more 50-inch exhaust fans (${over.toFixed(0)} m³/s)`, costUsd: n * (prices['exhaust-fan-50in']?.usd ?? 0) })
        break
      }
      case 'inlet.design-day': {
        const kw = report.rows.filter((r) => checks.some((c) => c.subjectId === r.id)).reduce((s, r) => s + r.heatAirKW, 0)
        options.push({ text: `chilled supply air for ${checks.length} row(s): ${(kw / 1000).toFixed(1)} MW of chillers and CRAH`, costUsd: (kw / 1000) * ((prices['chiller-1000kw']?.usd ?? 0) + 7 * (prices['crah-150kw']?.usd ?? 0)) })
        break
      }
      case 'power.circuit': {
        const racks = report.rows.filter((r) => checks.some((c) => c.subjectId === r.id)).reduce((s, r) => s + r.rackCount, 0)
        options.push({ text: `rack circuits for ${racks} rack(s): ${advice.get(worst.id) ?? 'larger circuits'}`, costUsd: racks * x.rackCircuitUsd })
        break
      }
      case 'redundancy.dual': {
        const rows = report.rows.filter((r) => checks.some((c) => c.subjectId === r.id))
        const kw = rows.reduce((s, r) => s + r.rowKW, 0)
        const racks = rows.reduce((s, r) => s + r.rackCount, 0)
        options.push({ text: `a B side for ${rows.length} row(s): busways and rack circuits`, costUsd: (kw / 0.95) * x.buswayUsdPerKVA + racks * x.rackCircuitUsd })
        break
      }
      case 'network.uplink':
        options.push({ text: `fibre: ${(worst.value ?? 0).toFixed(0)} Gbit/s needed, ${worst.limit} Gbit/s in place`, costUsd: over * x.fibreUsdPerGbps })
        break
      default:
        options.push({ text: `${worst.title} — ${worst.subject}: ${advice.get(worst.id) ?? worst.note ?? 'over its limit'}`, costUsd: 0 })
    }
  }
  if (floorBinds) options.push({ text: 'more floor: extend the hall or build a second one', costUsd: 1000 * x.hallUsdPerM2 })
  return options.sort((a, b) => a.costUsd - b.costUsd)
}
