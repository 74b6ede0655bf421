// What changes on a row when its device model changes: the enclosure it needs, how many fit, and
// a rack count that keeps the row about as long as it was.
import type { Catalog } from '../model/catalog'
import type { Device, Enclosure } from '../model/catalogSchema'
import type { Row } from '../model/sceneSchema'

/** Air-cooled GPU servers per 42U rack: four 8-GPU servers (~40 kW) is the usual air-cooled limit
 *  (the same density as the example scene's H100 variant). */
export const GPU_SERVERS_PER_AIR_RACK = 4

function enclosureFor(device: Device, current: Enclosure | undefined, catalog: Catalog): Enclosure | undefined {
  const byId = (id: string) => catalog.enclosures.get(id)
  if (device.kind === 'gpu') {
    if (device.rackUnits === undefined) return byId('rack-nvl72') // a rack-scale system
    return current?.slotUnit === 'U' ? current : byId('rack-42u-600')
  }
  if (device.cooling === 'immersion') return byId('immersion-tank')
  return current?.kind === 'shelf' ? current : byId('mining-shelf-5x4')
}

function devicesPerRack(device: Device, e: Enclosure): number {
  if (e.slotUnit === 'U') return Math.max(1, Math.min(GPU_SERVERS_PER_AIR_RACK, Math.floor(e.slots / (device.rackUnits ?? 1))))
  return e.slots
}

export function fitDevice(row: Row, deviceId: string, catalog: Catalog): Partial<Row> {
  const device = catalog.devices.get(deviceId)
  const current = catalog.enclosures.get(row.enclosureId)
  if (!device) return { deviceId }
  const e = enclosureFor(device, current, catalog)
  if (!e) return { deviceId }
  if (e.id === row.enclosureId) {
    const fits = e.slotUnit === 'U' ? row.devicesPerRack * (device.rackUnits ?? 1) <= e.slots : row.devicesPerRack <= e.slots
    return fits && device.kind === catalog.devices.get(row.deviceId)?.kind ? { deviceId } : { deviceId, devicesPerRack: devicesPerRack(device, e) }
  }
  const lengthM = (current?.widthM ?? e.widthM) * row.rackCount
  // Per-rack feeds fix the rack count: keep it then.
  const rackCount = row.rackFeeds ? row.rackCount : Math.max(1, Math.round(lengthM / e.widthM))
  return { deviceId, enclosureId: e.id, devicesPerRack: devicesPerRack(device, e), rackCount }
}
