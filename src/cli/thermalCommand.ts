// halltwin thermal <scene.json> [--variant ID|all] [--grid check|fine] [--json]: the design-day
// air temperature field of every hall (src/solver/thermal), on the check grid the design checks
// use unless --grid fine. Per hall: the grid, the energy balance, the hot spots and every rack's
// inlet and outlet air. JSON: timings only under `meta`, so two runs differ in nothing else.
// --model 3d [--grid preview|default]: the 3-D FFD model instead (src/solver/thermal3d, not yet
// read by the checks): per hall the grid, the energy balance, RCI/RTI/SHI/RHI and every rack.
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import type { Scene } from '../model/sceneSchema'
import { solveThermalField, type HallThermal, type HotSpot, type ThermalGridKind, type ThermalResult } from '../solver/thermal'
import { solveAirflow3d, type Airflow3dGridKind, type Airflow3dResult, type AirMetrics, type HallAirflow3d } from '../solver/thermal3d'
import { formatThermalTable } from './format/thermal'
import { CliInputError, readSceneFile } from './io'

export interface RackAir {
  rowId: string
  index: number
  inletC: number
  outletC: number
}

export interface HallThermalRecord {
  hallId: string
  grid: { kind: ThermalGridKind; nx: number; ny: number; cellXM: number; cellYM: number }
  air: { intakeC: number; supplyC: number; densityKgM3: number }
  energy: { heatInKW: number; heatOutKW: number; errorPct: number }
  minC: number
  maxC: number
  converged: boolean
  saturated: boolean
  iterations: { flow: number; temperature: number }
  hotSpots: HotSpot[]
  racks: RackAir[]
  notes: string[]
}

export interface ThermalRecord {
  scene: string
  variant: string
  variantName: string
  halls: HallThermalRecord[]
  meta: { solveMs: number; hallSolveMs: Record<string, number> }
}

/** Every rack of a hall in row order, then along the row. */
export function rackAir(f: HallThermal): RackAir[] {
  return Object.entries(f.rackInletC).flatMap(([rowId, inlets]) => inlets.map((inletC, index) => ({ rowId, index, inletC, outletC: f.rackOutletC[rowId]![index]! })))
}

function hallRecord(f: HallThermal): HallThermalRecord {
  return {
    hallId: f.hallId,
    grid: { kind: f.grid, nx: f.nx, ny: f.ny, cellXM: f.cellXM, cellYM: f.cellYM },
    air: { intakeC: f.intakeC, supplyC: f.supplyC, densityKgM3: f.densityKgM3 },
    energy: { heatInKW: f.heatInKW, heatOutKW: f.heatOutKW, errorPct: f.balanceErrorPct },
    minC: f.minC,
    maxC: f.maxC,
    converged: f.converged,
    saturated: f.saturated,
    iterations: f.iterations,
    hotSpots: f.hotSpots,
    racks: rackAir(f),
    notes: f.notes,
  }
}

export function thermalRecord(scene: Scene, result: ThermalResult): ThermalRecord {
  const variant = scene.variants.find((v) => v.id === result.variantId)
  return {
    scene: scene.name,
    variant: result.variantId,
    variantName: variant?.name ?? result.variantId,
    halls: result.halls.map(hallRecord),
    meta: { solveMs: result.solveMs, hallSolveMs: Object.fromEntries(result.halls.map((f) => [f.hallId, f.solveMs])) },
  }
}

function gridOption(value: string | undefined): ThermalGridKind {
  if (value === undefined || value === 'check' || value === 'fine') return value ?? 'check'
  throw new CliInputError(`--grid: expected check or fine, got ${JSON.stringify(value)}`)
}

/** A rack in the 3-D model: its air, its rear-door coil's duty (kW, when it has one) and its
 *  capture index (0–1) where it faces a ducted hot (HACI) or cold aisle (CACI). */
export interface RackAir3d extends RackAir {
  coilKW?: number
  hotCapture?: number
  coldCapture?: number
}

/** One hall of the 3-D model: what `--model 3d --json` prints (the fields stay in the solver). */
export interface HallAirflow3dRecord {
  hallId: string
  model: 'ffd-3d'
  grid: { kind: Airflow3dGridKind; nx: number; ny: number; nz: number; cellXM: number; cellYM: number; cellZM: number }
  air: { intakeC: number; supplyC: number; densityKgM3: number }
  /** heatOutKW: carried out by the air plus coilKW into the rear-door coils' water. */
  energy: { heatInKW: number; heatOutKW: number; coilKW: number; errorPct: number }
  metrics: AirMetrics
  converged: boolean
  steps: number
  racks: RackAir3d[]
  notes: string[]
}

export interface Airflow3dRecord {
  scene: string
  variant: string
  variantName: string
  model: 'ffd-3d'
  halls: HallAirflow3dRecord[]
  meta: { solveMs: number; hallSolveMs: Record<string, number>; cellStepsPerS: Record<string, number> }
}

function hall3dRecord(h: HallAirflow3d): HallAirflow3dRecord {
  const racks = Object.entries(h.rackInletC).flatMap(([rowId, inlets]) =>
    inlets.map((inletC, index): RackAir3d => {
      const coilKW = h.rackCoilKW[rowId]?.[index] ?? 0
      const ci = h.rackCaptureIndex[rowId]?.[index]
      return {
        rowId,
        index,
        inletC,
        outletC: h.rackOutletC[rowId]![index]!,
        ...(coilKW > 0 ? { coilKW } : {}),
        ...(ci?.hot != null ? { hotCapture: ci.hot } : {}),
        ...(ci?.cold != null ? { coldCapture: ci.cold } : {}),
      }
    }),
  )
  return {
    hallId: h.hallId,
    model: h.model,
    grid: { kind: h.grid, nx: h.nx, ny: h.ny, nz: h.nz, cellXM: h.cellXM, cellYM: h.cellYM, cellZM: h.cellZM },
    air: { intakeC: h.intakeC, supplyC: h.supplyC, densityKgM3: h.densityKgM3 },
    energy: { heatInKW: h.heatInKW, heatOutKW: h.heatOutKW, coilKW: h.coilKW, errorPct: h.balanceErrorPct },
    metrics: h.metrics,
    converged: h.converged,
    steps: h.steps,
    racks,
    notes: h.notes,
  }
}

export function airflow3dRecord(scene: Scene, result: Airflow3dResult): Airflow3dRecord {
  const variant = scene.variants.find((v) => v.id === result.variantId)
  return {
    scene: scene.name,
    variant: result.variantId,
    variantName: variant?.name ?? result.variantId,
    model: 'ffd-3d',
    halls: result.halls.map(hall3dRecord),
    meta: {
      solveMs: result.solveMs,
      hallSolveMs: Object.fromEntries(result.halls.map((h) => [h.hallId, h.solveMs])),
      cellStepsPerS: Object.fromEntries(result.halls.map((h) => [h.hallId, h.cellStepsPerS])),
    },
  }
}

const f1 = (v: number) => v.toFixed(1)

function formatAirflow3d(r: Airflow3dRecord): string {
  const lines = [`${r.scene} / ${r.variantName} (${r.variant}) — 3-D airflow model (FFD; the design checks still read the 2-D field)`]
  for (const h of r.halls) {
    const m = h.metrics
    lines.push(
      `  hall ${h.hallId}: ${h.grid.kind} grid ${h.grid.nx} × ${h.grid.ny} × ${h.grid.nz} (${h.grid.cellXM.toFixed(2)} × ${h.grid.cellYM.toFixed(2)} × ${h.grid.cellZM.toFixed(2)} m), ${h.steps} steps${h.converged ? ', steady' : ''}`,
      `    air in ${f1(h.air.intakeC)} °C; heat in ${h.energy.heatInKW.toFixed(0)} kW, out ${h.energy.heatOutKW.toFixed(0)} kW${h.energy.coilKW > 0 ? ` (air ${(h.energy.heatOutKW - h.energy.coilKW).toFixed(0)} kW + rear-door water ${h.energy.coilKW.toFixed(0)} kW)` : ''} (${h.energy.errorPct.toFixed(3)} %)`,
      `    RCI_HI ${f1(m.rciHiPct)} %  RCI_LO ${f1(m.rciLoPct)} %  RTI ${f1(m.rtiPct)} %  SHI ${m.shi.toFixed(3)}  RHI ${m.rhi.toFixed(3)}  (supply ${f1(m.supplyC)} °C, return ${f1(m.returnC)} °C, rack ΔT ${f1(m.equipmentDeltaTK)} K)`,
    )
    for (const k of ['hot', 'cold'] as const) {
      const c = m.captureIndex[k]
      if (c) lines.push(`    ${k === 'hot' ? 'HACI' : 'CACI'} (capture index, ${k} aisles) mean ${f1(c.meanPct)} %, lowest ${f1(c.minPct)} % over ${c.racks} racks; ${c.below90} below 90 %`)
    }
    const byRow = new Map<string, RackAir3d[]>()
    for (const rack of h.racks) byRow.set(rack.rowId, [...(byRow.get(rack.rowId) ?? []), rack])
    for (const [rowId, racks] of byRow) {
      const inlets = racks.map((x) => x.inletC)
      const outlets = racks.map((x) => x.outletC)
      const coil = racks.reduce((s, x) => s + (x.coilKW ?? 0), 0)
      const ci = (k: 'hotCapture' | 'coldCapture', name: string) => {
        const v = racks.flatMap((x) => (x[k] !== undefined ? [x[k]! * 100] : []))
        return v.length > 0 ? `  ${name} ${f1(Math.min(...v))}–${f1(Math.max(...v))} %` : ''
      }
      lines.push(
        `    ${rowId.padEnd(12)} inlet ${f1(Math.min(...inlets))}–${f1(Math.max(...inlets))} °C  outlet ${f1(Math.min(...outlets))}–${f1(Math.max(...outlets))} °C  (${racks.length} racks)${coil > 0 ? `  rear doors ${coil.toFixed(0)} kW` : ''}${ci('hotCapture', 'HACI')}${ci('coldCapture', 'CACI')}`,
      )
    }
    for (const n of h.notes) lines.push(`    note: ${n}`)
  }
  return `${lines.join('\n')}\n`
}

function grid3dOption(value: string | undefined): Airflow3dGridKind {
  if (value === undefined || value === 'preview' || value === 'default') return value ?? 'default'
  throw new CliInputError(`--grid: with --model 3d expected preview or default, got ${JSON.stringify(value)}`)
}

export function thermalCommand(args: string[], io: { out: (t: string) => void }): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, json: { type: 'boolean' }, grid: { type: 'string' }, model: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new CliInputError(`thermal: expected one scene file, got ${positionals.length}`)
  const model = values.model ?? '2d'
  if (model !== '2d' && model !== '3d') throw new CliInputError(`--model: expected 2d or 3d, got ${JSON.stringify(model)}`)
  if (model === '3d') return airflow3dCommand(positionals[0]!, values, io)
  const grid = gridOption(values.grid)
  const catalog = builtInCatalog()
  const scene = readSceneFile(positionals[0]!, catalog)
  const known = scene.variants.map((v) => v.id)
  const wanted = values.variant ?? known[0]!
  if (wanted !== 'all' && !known.includes(wanted)) throw new CliInputError(`--variant: unknown variant "${wanted}" (known: ${known.join(', ')}, all)`)
  const ids = wanted === 'all' ? known : [wanted]
  const records = ids.map((id) => thermalRecord(scene, solveThermalField(scene, id, catalog, { grid })))
  if (values.json) io.out(`${JSON.stringify(wanted === 'all' ? records : records[0], null, 2)}\n`)
  else io.out(records.map(formatThermalTable).join('\n'))
  return 0
}

function airflow3dCommand(file: string, values: { variant?: string; json?: boolean; grid?: string }, io: { out: (t: string) => void }): number {
  const grid = grid3dOption(values.grid)
  const catalog = builtInCatalog()
  const scene = readSceneFile(file, catalog)
  const known = scene.variants.map((v) => v.id)
  const wanted = values.variant ?? known[0]!
  if (wanted !== 'all' && !known.includes(wanted)) throw new CliInputError(`--variant: unknown variant "${wanted}" (known: ${known.join(', ')}, all)`)
  const ids = wanted === 'all' ? known : [wanted]
  const records = ids.map((id) => airflow3dRecord(scene, solveAirflow3d(scene, id, catalog, { grid })))
  if (values.json) io.out(`${JSON.stringify(wanted === 'all' ? records : records[0], null, 2)}\n`)
  else io.out(records.map(formatAirflow3d).join('\n'))
  return 0
}
