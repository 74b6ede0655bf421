// Economics of a variant: capex (devices with the import premium, fit-out per MW by cooling kind,
// power and cooling equipment that the as-built site does not have), yearly revenue (hashprice
// for miners, GPU-hours for AI), opex (energy at the tariff, staff, maintenance), and from them a
// cash flow over the horizon with NPV, IRR, payback, break-even prices and a tornado of inputs.
// Energy comes from the typical year where the solve ran it (fans and pumps staged, chillers only
// when the weather needs them); only a solve without the year (the capacity search) falls back
// to design-day facility power × 8,760 h, and the result says which basis it used.
import type { Catalog } from '../../model/catalog'
import type { EconomicsInputs } from '../../model/economicsSchema'
import type { Scene, Variant } from '../../model/sceneSchema'
import type { VariantLoads } from '../loads'
import type { YearResult } from '../year/year'
import { npv, irr, paybackYears, solveForZero } from './finance'
import { TORNADO_INPUTS, type NumericInput } from './tornado'
import { grouped } from './grouped'
import type { CapexLine, CashFlowYear, EconomicsFigures, EnergyBasis, EnergyFigures, TornadoBar } from './types'
import { pueOf } from '../constants'

const HOURS_PER_YEAR = 8760

/** Everything about the variant the money depends on, computed once. */
export interface EconomicsBasis {
  /** Devices by catalog id. */
  devices: Map<string, number>
  asicITKW: number
  gpuITKW: number
  /** GPU IT kW by the device's cooling kind. */
  gpuITKWByCooling: Record<'air' | 'liquid' | 'immersion', number>
  /** Design-day facility power as the plant runs it (the basis where the year was skipped). */
  facilityKW: number
  /** Facility and IT energy of a year with the IT at its design load, and where they come from. */
  energy: { basis: EnergyBasis; facilityMWhAtFullLoad: number; itMWhAtFullLoad: number }
  /** Equipment this variant adds to the as-built site. */
  newTransformerKVA: number
  newUpsKVA: number
  newGensetKVA: number
  newBuswayKVA: number
  newCoolingUnits: Map<string, number>
  asBuilt: boolean
  /** Fibre this variant lays beyond the site's, Gbit/s. */
  newFibreGbps: number
  devicePriceOverrides: Record<string, number>
}

/** The year's energy where the solve ran it; design-day power × 8,760 h where it did not. */
function energyAtFullLoad(facilityKW: number, itKW: number, year: YearResult | null): EconomicsBasis['energy'] {
  if (year) return { basis: 'typical year', facilityMWhAtFullLoad: year.facilityMWh, itMWhAtFullLoad: year.itMWh }
  return { basis: 'design day', facilityMWhAtFullLoad: (facilityKW * HOURS_PER_YEAR) / 1000, itMWhAtFullLoad: (itKW * HOURS_PER_YEAR) / 1000 }
}

export function economicsBasis(scene: Scene, variant: Variant, loads: VariantLoads, facilityKW: number, catalog: Catalog, year: YearResult | null = null): EconomicsBasis {
  const devices = new Map<string, number>()
  let asicITKW = 0
  let gpuITKW = 0
  const gpuITKWByCooling = { air: 0, liquid: 0, immersion: 0 }
  for (const r of loads.rows) {
    devices.set(r.device.id, (devices.get(r.device.id) ?? 0) + r.deviceCount)
    if (r.device.kind === 'asic') asicITKW += r.rowKW
    else {
      gpuITKW += r.rowKW
      const kind = r.device.cooling === 'air' ? 'air' : r.device.cooling === 'immersion' ? 'immersion' : 'liquid'
      gpuITKWByCooling[kind] += r.rowKW
    }
  }
  const built = scene.variants.find((v) => v.asBuilt)
  const builtNodes = new Set(built?.power.map((n) => n.id) ?? [])
  const builtCooling = new Map<string, number>()
  for (const hall of built?.halls ?? []) for (const c of hall.cooling) builtCooling.set(c.modelId, (builtCooling.get(c.modelId) ?? 0) + c.count)
  let newTransformerKVA = 0
  let newUpsKVA = 0
  let newGensetKVA = 0
  let newBuswayKVA = 0
  for (const n of variant.power) {
    if (variant.asBuilt || builtNodes.has(n.id)) continue
    const kva = n.ratingKVA ?? (n.modelId ? (catalog.transformers.get(n.modelId)?.ratingKVA ?? 0) : 0)
    if (n.kind === 'transformer') newTransformerKVA += kva
    else if (n.kind === 'ups') newUpsKVA += kva
    else if (n.kind === 'generator') newGensetKVA += kva
    else if (n.kind === 'busway') newBuswayKVA += kva
  }
  const coolingCount = new Map<string, number>()
  for (const hall of variant.halls) for (const c of hall.cooling) coolingCount.set(c.modelId, (coolingCount.get(c.modelId) ?? 0) + c.count)
  const newCoolingUnits = new Map<string, number>()
  if (!variant.asBuilt) {
    for (const [id, count] of coolingCount) {
      const extra = count - (builtCooling.get(id) ?? 0)
      if (extra > 0) newCoolingUnits.set(id, extra)
    }
  }
  return {
    devices,
    asicITKW,
    gpuITKW,
    gpuITKWByCooling,
    facilityKW,
    energy: energyAtFullLoad(facilityKW, asicITKW + gpuITKW, year),
    newTransformerKVA,
    newUpsKVA,
    newGensetKVA,
    newBuswayKVA,
    newCoolingUnits,
    asBuilt: variant.asBuilt ?? false,
    newFibreGbps: Math.max(0, (variant.fibreGbps ?? 0) - (scene.site.fibreGbps ?? 0)),
    devicePriceOverrides: { ...scene.economics?.devicePricesUsd, ...variant.economics?.devicePricesUsd },
  }
}

interface Evaluation {
  capexUsd: number
  capexLines: CapexLine[]
  revenueUsdPerYear: number
  energyUsdPerYear: number
  opexUsdPerYear: number
  cashFlows: CashFlowYear[]
  npvUsd: number
}

// The inputs each part of the money reads. A search that varies one input (a break-even bisection,
// a tornado bar) computes again only the parts that read it and keeps the others as the base
// inputs gave them: the same function of the same numbers, so the NPV is the same to the last bit
// as a whole evaluation's. Each part's inputs are its parameter's type (a Pick of these names), so
// a part that read an input not named here would not compile.
const CAPEX_INPUTS = ['importPremiumAsicPct', 'importPremiumGpuPct', 'miningBuildUsdPerMW', 'retrofitAirUsdPerMW', 'retrofitLiquidUsdPerMW', 'retrofitImmersionUsdPerMW', 'transformerUsdPerKVA', 'upsUsdPerKVA', 'gensetUsdPerKVA', 'buswayUsdPerKVA', 'fibreUsdPerGbps'] as const
const REVENUE_INPUTS = ['hashpriceUsdPerPHDay', 'miningBanDaysPerYear', 'minerUptime', 'gpuPriceFactor', 'gpuUtilisation'] as const
const LOAD_SHARE_INPUTS = ['miningBanDaysPerYear', 'minerUptime', 'gpuLoadFactor'] as const
const ENERGY_INPUTS = [...LOAD_SHARE_INPUTS, 'tariffUsdPerMWh'] as const
const FIXED_OPEX_INPUTS = ['staffAsicUsdPerMWYear', 'maintenanceAsicUsdPerMWYear', 'staffGpuUsdPerMWYear', 'maintenanceGpuUsdPerMWYear'] as const
type Reads<T extends readonly (keyof EconomicsInputs)[]> = Pick<EconomicsInputs, T[number]>

/** What one device costs on site: its price (scene or variant override, else models/economics.json)
 *  with the import premium of its kind. */
export function landedDevicePrice(deviceId: string, overrides: Readonly<Record<string, number>>, x: Pick<EconomicsInputs, 'importPremiumAsicPct' | 'importPremiumGpuPct'>, catalog: Catalog): { unitUsd: number; premiumPct: number; landedUsd: number } {
  const unitUsd = overrides[deviceId] ?? catalog.economics.devices[deviceId]?.usd ?? 0
  const premiumPct = catalog.devices.get(deviceId)?.kind === 'gpu' ? x.importPremiumGpuPct : x.importPremiumAsicPct
  return { unitUsd, premiumPct, landedUsd: unitUsd * (1 + premiumPct / 100) }
}

/** The capex lines; `notes` writes their arithmetic (only the result shown needs it: a tornado bar
 *  on a price of capex computes the lines again for their sum alone). */
function capex(b: EconomicsBasis, x: Reads<typeof CAPEX_INPUTS>, catalog: Catalog, notes: boolean): CapexLine[] {
  const say = (text: () => string) => (notes ? text() : '')
  if (b.asBuilt) return [{ item: 'As built', usd: 0, note: 'existing site: its equipment is sunk cost' }]
  const prices = catalog.economics
  const lines: CapexLine[] = []
  for (const [id, count] of b.devices) {
    const { unitUsd, premiumPct, landedUsd } = landedDevicePrice(id, b.devicePriceOverrides, x, catalog)
    lines.push({ item: catalog.devices.get(id)?.name ?? id, usd: count * landedUsd, note: say(() => `${grouped(count)} device${count === 1 ? '' : 's'} × ${grouped(unitUsd)} USD/device + ${premiumPct} % import premium`) })
  }
  const mw = (kw: number) => kw / 1000
  if (b.asicITKW > 0) lines.push({ item: 'Mining build-out', usd: mw(b.asicITKW) * x.miningBuildUsdPerMW, note: say(() => `${mw(b.asicITKW).toFixed(1)} MW × ${grouped(x.miningBuildUsdPerMW)} USD/MW`) })
  const fitOut: [keyof EconomicsBasis['gpuITKWByCooling'], number, string][] = [
    ['air', x.retrofitAirUsdPerMW, 'Fit-out, air-cooled AI'],
    ['liquid', x.retrofitLiquidUsdPerMW, 'Fit-out, liquid-cooled AI'],
    ['immersion', x.retrofitImmersionUsdPerMW, 'Fit-out, immersion AI'],
  ]
  for (const [kind, perMW, item] of fitOut) {
    const kw = b.gpuITKWByCooling[kind]
    if (kw > 0) lines.push({ item, usd: mw(kw) * perMW, note: say(() => `${mw(kw).toFixed(1)} MW × ${grouped(perMW)} USD/MW`) })
  }
  const power: [number, number, string][] = [
    [b.newTransformerKVA, x.transformerUsdPerKVA, 'New transformers'],
    [b.newUpsKVA, x.upsUsdPerKVA, 'UPS'],
    [b.newGensetKVA, x.gensetUsdPerKVA, 'Generators'],
    [b.newBuswayKVA, x.buswayUsdPerKVA, 'Busways'],
  ]
  for (const [kva, perKVA, item] of power) {
    if (kva > 0) lines.push({ item, usd: kva * perKVA, note: say(() => `${grouped(Math.round(kva))} kVA × ${grouped(perKVA)} USD/kVA`) })
  }
  if (b.newFibreGbps > 0) {
    lines.push({ item: 'Fibre uplink', usd: b.newFibreGbps * x.fibreUsdPerGbps, note: say(() => `${b.newFibreGbps} Gbit/s × ${grouped(x.fibreUsdPerGbps)} USD/(Gbit/s)`) })
  }
  for (const [id, count] of b.newCoolingUnits) {
    const unit = prices.coolingUnits[id]?.usd ?? 0
    lines.push({ item: catalog.coolingUnits.get(id)?.name ?? id, usd: count * unit, note: say(() => `${grouped(count)} unit${count === 1 ? '' : 's'} × ${grouped(unit)} USD/unit`) })
  }
  return lines
}

function yearlyRevenue(b: EconomicsBasis, x: Reads<typeof REVENUE_INPUTS>, catalog: Catalog): number {
  let revenue = 0
  const miningDays = Math.max(0, 365 - x.miningBanDaysPerYear)
  for (const [id, count] of b.devices) {
    const device = catalog.devices.get(id)
    if (!device) continue
    if (device.kind === 'asic') revenue += ((count * (device.hashrateTHs ?? 0)) / 1000) * x.hashpriceUsdPerPHDay * miningDays * x.minerUptime
    else revenue += count * (device.gpuCount ?? 0) * (catalog.economics.devices[id]?.gpuHourUsd ?? 0) * x.gpuPriceFactor * HOURS_PER_YEAR * x.gpuUtilisation
  }
  return revenue
}

/** Share of the full-load year the IT really draws: miners lose the ban days and downtime, GPU
 *  servers draw their load factor. Cooling and losses follow the IT they serve. */
function loadShare(b: EconomicsBasis, x: Reads<typeof LOAD_SHARE_INPUTS>): number {
  const it = b.asicITKW + b.gpuITKW
  if (it <= 0) return 1
  const asicShare = Math.max(0, 1 - x.miningBanDaysPerYear / 365) * x.minerUptime
  return (b.asicITKW * asicShare + b.gpuITKW * x.gpuLoadFactor) / it
}

export function energyFigures(b: EconomicsBasis, x: Reads<typeof ENERGY_INPUTS>): EnergyFigures {
  const share = loadShare(b, x)
  const mwhPerYear = b.energy.facilityMWhAtFullLoad * share
  return {
    basis: b.energy.basis,
    facilityMWhAtFullLoad: b.energy.facilityMWhAtFullLoad,
    loadShare: share,
    mwhPerYear,
    tariffUsdPerMWh: x.tariffUsdPerMWh,
    pue: pueOf(b.energy.facilityMWhAtFullLoad, b.energy.itMWhAtFullLoad),
  }
}

function yearlyEnergy(b: EconomicsBasis, x: Reads<typeof ENERGY_INPUTS>): number {
  return energyFigures(b, x).mwhPerYear * x.tariffUsdPerMWh
}

/** Staff and maintenance a year: by the MW of IT, whatever it draws. */
function fixedOpex(b: EconomicsBasis, x: Reads<typeof FIXED_OPEX_INPUTS>): number {
  const mw = (kw: number) => kw / 1000
  return mw(b.asicITKW) * (x.staffAsicUsdPerMWYear + x.maintenanceAsicUsdPerMWYear) + mw(b.gpuITKW) * (x.staffGpuUsdPerMWYear + x.maintenanceGpuUsdPerMWYear)
}

/** The parts of the money, each from the few inputs it reads. */
interface Parts {
  capexLines: CapexLine[]
  capexUsd: number
  revenue: number
  energy: number
  fixed: number
}

function capexPart(b: EconomicsBasis, x: Reads<typeof CAPEX_INPUTS>, catalog: Catalog, notes: boolean): Pick<Parts, 'capexLines' | 'capexUsd'> {
  const capexLines = capex(b, x, catalog, notes)
  return { capexLines, capexUsd: capexLines.reduce((s, l) => s + l.usd, 0) }
}

function parts(b: EconomicsBasis, x: EconomicsInputs, catalog: Catalog, notes: boolean): Parts {
  return { ...capexPart(b, x, catalog, notes), revenue: yearlyRevenue(b, x, catalog), energy: yearlyEnergy(b, x), fixed: fixedOpex(b, x) }
}

type FlowInputs = Pick<EconomicsInputs, 'leadTimeGpuMonths' | 'horizonYears' | 'taxPct'>

/** The net cash flow of each year over the horizon (index 0 = today: the capex), from the parts
 *  and the lead time, tax and horizon, which only the flow reads. `rows` receives each year's
 *  figures where the result shows them; a search needs the nets alone. */
function netFlows(b: EconomicsBasis, p: Parts, x: FlowInputs, rows: CashFlowYear[] | null): number[] {
  const { capexUsd, revenue, energy, fixed } = p
  // New GPUs earn (and draw power) only after they arrive: the first year loses the lead time.
  const firstYearShare = b.gpuITKW > 0 && !b.asBuilt ? Math.max(0, 12 - x.leadTimeGpuMonths) / 12 : 1
  const depreciation = capexUsd / x.horizonYears
  const nets = [-capexUsd]
  let cumulative = -capexUsd
  rows?.push({ year: 0, capexUsd, revenueUsd: 0, opexUsd: 0, ebitdaUsd: 0, taxUsd: 0, netUsd: -capexUsd, cumulativeUsd: cumulative })
  for (let year = 1; year <= x.horizonYears; year++) {
    const share = year === 1 ? firstYearShare : 1
    const revenueUsd = revenue * share
    const opexUsd = energy * share + fixed
    const ebitdaUsd = revenueUsd - opexUsd
    const taxUsd = Math.max(0, ebitdaUsd - depreciation) * (x.taxPct / 100)
    const netUsd = ebitdaUsd - taxUsd
    nets.push(netUsd)
    if (rows) {
      cumulative += netUsd
      rows.push({ year, capexUsd: 0, revenueUsd, opexUsd, ebitdaUsd, taxUsd, netUsd, cumulativeUsd: cumulative })
    }
  }
  return nets
}

function evaluation(b: EconomicsBasis, p: Parts, x: FlowInputs & Pick<EconomicsInputs, 'discountRatePct'>): Evaluation {
  const cashFlows: CashFlowYear[] = []
  const nets = netFlows(b, p, x, cashFlows)
  return {
    capexUsd: p.capexUsd,
    capexLines: p.capexLines,
    revenueUsdPerYear: p.revenue,
    energyUsdPerYear: p.energy,
    opexUsdPerYear: p.energy + p.fixed,
    cashFlows,
    npvUsd: npv(nets, x.discountRatePct),
  }
}

export function evaluate(b: EconomicsBasis, x: EconomicsInputs, catalog: Catalog, notes = false): Evaluation {
  return evaluation(b, parts(b, x, catalog, notes), x)
}

/** NPV as a function of one input, the others as in `x`: the same number as
 *  evaluate(b, { ...x, [input]: value }, catalog).npvUsd, with only the parts that read the input
 *  computed again (`base`: the parts at `x`). */
export function npvVarying(b: EconomicsBasis, x: EconomicsInputs, catalog: Catalog, input: NumericInput, base: Parts = parts(b, x, catalog, false)): (value: number) => number {
  const reads = (names: readonly string[]) => names.includes(input)
  const [capexToo, revenueToo, energyToo, fixedToo] = [reads(CAPEX_INPUTS), reads(REVENUE_INPUTS), reads(ENERGY_INPUTS), reads(FIXED_OPEX_INPUTS)]
  // One copy of the inputs for the whole search, its searched input set at each step.
  const at: EconomicsInputs = { ...x }
  return (value) => {
    at[input] = value
    const c = capexToo ? capexPart(b, at, catalog, false) : base
    const p: Parts = {
      capexLines: c.capexLines,
      capexUsd: c.capexUsd,
      revenue: revenueToo ? yearlyRevenue(b, at, catalog) : base.revenue,
      energy: energyToo ? yearlyEnergy(b, at) : base.energy,
      fixed: fixedToo ? fixedOpex(b, at) : base.fixed,
    }
    return npv(netFlows(b, p, at, null), at.discountRatePct)
  }
}

export function resolveEconomicsInputs(scene: Scene, variant: Variant, catalog: Catalog): EconomicsInputs {
  const { devicePricesUsd: _a, ...sceneInputs } = scene.economics ?? {}
  const { devicePricesUsd: _b, ...variantInputs } = variant.economics ?? {}
  const tariff = scene.site.tariffUsdPerMWh !== undefined ? { tariffUsdPerMWh: scene.site.tariffUsdPerMWh } : {}
  return { ...catalog.economics.inputs, ...tariff, ...sceneInputs, ...variantInputs } as EconomicsInputs
}

export function computeEconomics(basis: EconomicsBasis, inputs: EconomicsInputs, catalog: Catalog): EconomicsFigures {
  const baseParts = parts(basis, inputs, catalog, true)
  const base = evaluation(basis, baseParts, inputs)
  const net = base.cashFlows.map((c) => c.netUsd)
  // The searches below vary one input at a time: each computes again only what that input changes.
  const npvOf = (input: NumericInput) => npvVarying(basis, inputs, catalog, input, baseParts)
  const hasAsic = basis.asicITKW > 0
  const hasGpu = basis.gpuITKW > 0
  const breakEvenHashprice = hasAsic ? solveForZero(npvOf('hashpriceUsdPerPHDay'), 0, 10_000) : null
  // GPU-hour prices differ by system: the break-even is a factor on all of them, shown as the
  // price of the variant's main system.
  let breakEvenGpuHour: number | null = null
  if (hasGpu) {
    const factor = solveForZero(npvOf('gpuPriceFactor'), 0, 100)
    const main = [...basis.devices.entries()].filter(([id]) => catalog.devices.get(id)?.kind === 'gpu').sort((a, b) => b[1] - a[1])[0]
    const price = main ? (catalog.economics.devices[main[0]]?.gpuHourUsd ?? 0) : 0
    breakEvenGpuHour = factor === null ? null : factor * price
  }
  const tornado: TornadoBar[] = []
  for (const t of TORNADO_INPUTS) {
    const value = inputs[t.input]
    const [low, high] = t.range(value)
    const npvAt = npvOf(t.input)
    const npvLow = npvAt(low)
    const npvHigh = npvAt(high)
    const swing = Math.abs(npvHigh - npvLow)
    if (swing > 1e-6) tornado.push({ input: t.input, label: t.label, lowValue: low, highValue: high, unit: t.unit, npvAtLowUsd: npvLow, npvAtHighUsd: npvHigh, swingUsd: swing })
  }
  tornado.sort((a, b) => b.swingUsd - a.swingUsd)
  const steady = base.cashFlows[Math.min(2, base.cashFlows.length - 1)]!
  return {
    currency: 'USD',
    horizonYears: inputs.horizonYears,
    discountRatePct: inputs.discountRatePct,
    capexUsd: base.capexUsd,
    capexLines: base.capexLines,
    revenueUsdPerYear: base.revenueUsdPerYear,
    opexUsdPerYear: base.opexUsdPerYear,
    energyUsdPerYear: base.energyUsdPerYear,
    energyBasis: basis.energy.basis,
    energy: energyFigures(basis, inputs),
    ebitdaUsdPerYear: base.revenueUsdPerYear - base.opexUsdPerYear,
    paybackYears: paybackYears(net),
    npvUsd: base.npvUsd,
    irrPct: irr(net),
    breakEvenHashpriceUsdPerPHDay: breakEvenHashprice,
    breakEvenGpuHourUsd: breakEvenGpuHour,
    cashFlows: base.cashFlows,
    tornado,
    inputs: { ...inputs, steadyYearEbitdaUsd: steady.ebitdaUsd },
  }
}
