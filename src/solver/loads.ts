// Electrical loads of a variant: every row of devices and every cooling placement, attached to
// the power node that feeds it. Design basis: device nameplate (wall) power.
import type { Catalog } from '../model/catalog'
import type { Device } from '../model/catalogSchema'
import type { Hall, Row, Variant } from '../model/sceneSchema'
import { rowLengthM } from '../model/layout'
import { kvarFromKW } from './constants'

export interface RowLoad {
  row: Row
  hall: Hall
  device: Device
  deviceCount: number
  rackKW: number
  rowKW: number
  kvar: number
  heatAirKW: number
  heatLiquidKW: number
  rowLengthM: number
}

export interface CoolingLoad {
  id: string
  hallId: string
  feed: string
  kw: number
  kvar: number
}

export interface VariantLoads {
  rows: RowLoad[]
  cooling: CoolingLoad[]
  /** Active and reactive load hung directly on each node, by node id. */
  byNode: Map<string, { kw: number; kvar: number }>
}

function rowLoad(hall: Hall, row: Row, device: Device, catalog: Catalog): RowLoad {
  const rackKW = (row.devicesPerRack * device.powerW) / 1000
  const rowKW = rackKW * row.rackCount
  const heatLiquidKW = rowKW * device.heatToLiquidShare
  return {
    row,
    hall,
    device,
    deviceCount: row.devicesPerRack * row.rackCount,
    rackKW,
    rowKW,
    kvar: kvarFromKW(rowKW, device.powerFactor),
    heatAirKW: rowKW - heatLiquidKW,
    heatLiquidKW,
    rowLengthM: rowLengthM(row, catalog),
  }
}

/** Assumes a scene that passed parseScene (every id resolves). */
export function variantLoads(variant: Variant, catalog: Catalog): VariantLoads {
  const rows: RowLoad[] = []
  const cooling: CoolingLoad[] = []
  const byNode = new Map<string, { kw: number; kvar: number }>()
  const add = (nodeId: string, kw: number, kvar: number) => {
    const cur = byNode.get(nodeId) ?? { kw: 0, kvar: 0 }
    cur.kw += kw
    cur.kvar += kvar
    byNode.set(nodeId, cur)
  }
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const device = catalog.devices.get(row.deviceId)
      if (!device) continue
      const load = rowLoad(hall, row, device, catalog)
      rows.push(load)
      add(row.feed, load.rowKW, load.kvar)
    }
    for (const unit of hall.cooling) {
      const model = catalog.coolingUnits.get(unit.modelId)
      if (!model) continue
      const kw = model.powerKW * unit.count
      const kvar = kvarFromKW(kw, model.powerFactor)
      cooling.push({ id: unit.id, hallId: hall.id, feed: unit.feed, kw, kvar })
      add(unit.feed, kw, kvar)
    }
  }
  return { rows, cooling, byNode }
}
