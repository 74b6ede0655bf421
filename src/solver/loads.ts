// Electrical loads of a variant: every row of devices and every cooling placement, attached to
// the power nodes that feed them. IT load is on the design basis the parameters name (nameplate
// wall power, or the measured maximum where the catalog has one).
// A rack fed from an A and a B side draws half from each; when one side is dead (an N-1 case)
// the other carries all of it; when both are dead the rack is de-energised.
// Racks that share their feeds are handled together (a row on one board is one entry, however
// many racks it has), so an N-1 case costs the number of distinct feeds, not of racks.
import type { Catalog } from '../model/catalog'
import type { Device } from '../model/catalogSchema'
import type { SolverParams } from '../model/params'
import type { Hall, Row, Variant } from '../model/sceneSchema'
import { rowLengthM } from '../model/layout'
import { kvarFromKW } from './constants'
import { rearDoorDutyKW } from './cooling/rearDoor'

/** Racks of a row that share their feeds: `racks` racks take power from `a` and, dual-fed, from `b`. */
export interface FeedPair {
  a: string
  b: string | null
  racks: number
}

/** Where a row's racks take their power. */
export interface RowSupply {
  /** The racks grouped by their (A, B) feeds, in order of first appearance. */
  pairs: FeedPair[]
  /** Every rack has a B side too. */
  dual: boolean
}

export interface RowLoad {
  row: Row
  hall: Hall
  device: Device
  deviceCount: number
  /** Per-device design power, W. */
  devicePowerW: number
  rackKW: number
  rowKW: number
  kvar: number
  /** Heat to the room air after any rear-door coils, kW. */
  heatAirKW: number
  /** Heat to liquid: the devices' liquid share plus the rear-door coils' water, kW. */
  heatLiquidKW: number
  /** Of heatLiquidKW, what the rear-door coils take at their rated capacity (capped at the racks'
   *  air-side heat), kW: the water load the plant is sized for. The 3-D airflow model computes
   *  the coils' actual duty from the air they see (thermal3d/coils.ts). */
  rearDoorKW: number
  rowLengthM: number
  supply: RowSupply
}

export interface CoolingLoad {
  id: string
  hallId: string
  feed: string
  /** Transfer-switch supply taken when `feed` is dead. */
  feedB: string | null
  kw: number
  kvar: number
}

export interface VariantLoads {
  rows: RowLoad[]
  cooling: CoolingLoad[]
}

export type NodeLoads = Map<string, { kw: number; kvar: number }>

export interface Attached {
  /** Active and reactive load hung directly on each node. */
  byNode: NodeLoads
  /** Rows with at least one rack left without supply. */
  deadRows: string[]
  /** Cooling placements left without supply. */
  deadCooling: string[]
}

export function devicePowerW(device: Device, params: SolverParams): number {
  const basisW = params.itDesignBasis === 'measured' && device.measuredMaxW !== undefined ? device.measuredMaxW : device.powerW
  return basisW * params.itPowerFraction
}

function rowSupply(row: Row): RowSupply {
  const dual = row.feedB !== undefined
  if (row.rackFeeds === undefined && row.rackFeedsB === undefined) {
    return { pairs: [{ a: row.feed, b: row.feedB ?? null, racks: row.rackCount }], dual }
  }
  // Rack i from rackFeeds[i] (else the row's feed) and, dual-fed, rackFeedsB[i] (else feedB).
  // A single-fed row's pairs by their A feed; a dual-fed row's by A, then B (a map per A only
  // there: a row fed rack by rack has an A per rack).
  const pairs: FeedPair[] = []
  const byA = new Map<string, FeedPair>()
  const byAB = dual ? new Map<string, Map<string, FeedPair>>() : null
  for (let i = 0; i < row.rackCount; i++) {
    const a = row.rackFeeds?.[i] ?? row.feed
    const b = dual ? (row.rackFeedsB?.[i] ?? row.feedB!) : null
    let byB: Map<string, FeedPair> | undefined
    if (byAB) {
      byB = byAB.get(a)
      if (!byB) byAB.set(a, (byB = new Map()))
    }
    const pair = byB ? byB.get(b!) : byA.get(a)
    if (pair) pair.racks++
    else {
      const fresh = { a, b, racks: 1 }
      if (byB) byB.set(b!, fresh)
      else byA.set(a, fresh)
      pairs.push(fresh)
    }
  }
  return { pairs, dual }
}

function rowLoad(hall: Hall, row: Row, device: Device, catalog: Catalog, params: SolverParams): RowLoad {
  const powerW = devicePowerW(device, params)
  const rackKW = (row.devicesPerRack * powerW) / 1000
  const rowKW = rackKW * row.rackCount
  const deviceLiquidKW = rowKW * device.heatToLiquidShare
  const rackAirKW = (rowKW - deviceLiquidKW) / row.rackCount
  const rearDoorKW = row.rearDoor ? rearDoorDutyKW(row.rearDoor, rackAirKW) * row.rackCount : 0
  const heatLiquidKW = deviceLiquidKW + rearDoorKW
  return {
    row,
    hall,
    device,
    deviceCount: row.devicesPerRack * row.rackCount,
    devicePowerW: powerW,
    rackKW,
    rowKW,
    // params.itPowerFactor (a calibrated value) replaces the catalog's, where given.
    kvar: kvarFromKW(rowKW, params.itPowerFactor ?? device.powerFactor),
    heatAirKW: rowKW - heatLiquidKW,
    heatLiquidKW,
    rearDoorKW,
    rowLengthM: rowLengthM(row, catalog),
    supply: rowSupply(row),
  }
}

/** Assumes a scene that passed parseScene (every id resolves). */
export function variantLoads(variant: Variant, catalog: Catalog, params: SolverParams): VariantLoads {
  const rows: RowLoad[] = []
  const cooling: CoolingLoad[] = []
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const device = catalog.devices.get(row.deviceId)
      if (device) rows.push(rowLoad(hall, row, device, catalog, params))
    }
    for (const unit of hall.cooling) {
      const model = catalog.coolingUnits.get(unit.modelId)
      if (!model) continue
      const kw = model.powerKW * unit.count
      cooling.push({ id: unit.id, hallId: hall.id, feed: unit.feed, feedB: unit.feedB ?? null, kw, kvar: kvarFromKW(kw, model.powerFactor) })
    }
  }
  return { rows, cooling }
}

/** Hangs every load on its feed nodes through `add`; `dead` nodes (an N-1 case) supply nothing.
 *  Returns the rows and cooling placements left without supply. */
function hangLoads(
  loads: VariantLoads,
  dead: ReadonlySet<string> | null,
  add: (nodeId: string, kw: number, kvar: number) => void,
): Pick<Attached, 'deadRows' | 'deadCooling'> {
  const deadRows: string[] = []
  const deadCooling: string[] = []
  for (const load of loads.rows) {
    const rackKvar = load.kvar / load.row.rackCount
    let lostRack = false
    const pairs = load.supply.pairs
    for (let k = 0; k < pairs.length; k++) {
      const { a, b, racks } = pairs[k]!
      const kw = load.rackKW * racks
      const kvar = rackKvar * racks
      const aLive = !dead?.has(a)
      const bLive = b !== null && !dead?.has(b)
      if (aLive && bLive) {
        add(a, kw / 2, kvar / 2)
        add(b, kw / 2, kvar / 2)
      } else if (aLive) add(a, kw, kvar)
      else if (bLive) add(b!, kw, kvar)
      else lostRack = true
    }
    if (lostRack) deadRows.push(load.row.id)
  }
  for (const unit of loads.cooling) {
    if (!dead?.has(unit.feed)) add(unit.feed, unit.kw, unit.kvar)
    else if (unit.feedB !== null && !dead.has(unit.feedB)) add(unit.feedB, unit.kw, unit.kvar)
    else deadCooling.push(unit.id)
  }
  return { deadRows, deadCooling }
}

/** Hangs every load on its feed nodes; `dead` nodes (an N-1 case) supply nothing. */
export function attachLoads(loads: VariantLoads, dead: ReadonlySet<string> | null = null): Attached {
  const byNode: NodeLoads = new Map()
  const { deadRows, deadCooling } = hangLoads(loads, dead, (nodeId, kw, kvar) => {
    const cur = byNode.get(nodeId)
    if (cur) {
      cur.kw += kw
      cur.kvar += kvar
    } else byNode.set(nodeId, { kw, kvar })
  })
  return { byNode, deadRows, deadCooling }
}

/** The loads with everything in service (attachLoads with no dead node) summed straight into
 *  arrays by node index — `index`: node id → index, as the power chain numbers its nodes; a load
 *  on an id not in it is left out. The same sums, added in the same order, as attachLoads' byNode
 *  laid out by index (power/flow.ts loadArrays), without a record per node. */
export function attachedByIndex(
  loads: VariantLoads,
  index: ReadonlyMap<string, number>,
  n: number,
): Pick<Attached, 'deadRows' | 'deadCooling'> & { kw: Float64Array; kvar: Float64Array } {
  const kw = new Float64Array(n)
  const kvar = new Float64Array(n)
  const { deadRows, deadCooling } = hangLoads(loads, null, (nodeId, p, q) => {
    const i = index.get(nodeId)
    if (i === undefined) return
    kw[i] = kw[i]! + p
    kvar[i] = kvar[i]! + q
  })
  return { kw, kvar, deadRows, deadCooling }
}
