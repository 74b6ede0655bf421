// halltwin thermal <scene.json> [--variant ID|all] [--grid check|fine] [--json]: the design-day
// air temperature field of every hall (src/solver/thermal), on the check grid the design checks
// use unless --grid fine. Per hall: the grid, the energy balance, the hot spots and every rack's
// inlet and outlet air. JSON: timings only under `meta`, so two runs differ in nothing else.
import './zodJitless' // first: before any schema is built
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import type { Scene } from '../model/sceneSchema'
import { solveThermalField, type HallThermal, type HotSpot, type ThermalGridKind, type ThermalResult } from '../solver/thermal'
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

export function thermalCommand(args: string[], io: { out: (t: string) => void }): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, json: { type: 'boolean' }, grid: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new CliInputError(`thermal: expected one scene file, got ${positionals.length}`)
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
