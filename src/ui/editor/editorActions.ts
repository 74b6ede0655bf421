// The editor's actions as the toolbar, the keys and the palette call them: each builds a command
// from the current state (src/editor/commands.ts) and hands it to the store's history.
import { builtInCatalog } from '../../model/catalog'
import type { CoolingPlacement, Row } from '../../model/sceneSchema'
import {
  addCooling,
  addPowerNode,
  addRow,
  arrayRows,
  createVariant,
  deleteItems,
  duplicateItems,
  rotateItemsBy,
  setDevice,
  type DeviceScope,
} from '../../editor/commands'
import { fitDevice } from '../../editor/devices'
import { findFreeSpot } from '../../editor/placement'
import { findVariant, locateItem, uniqueId, usedIds } from '../../editor/sceneEdit'
import { selectEditorSelection, selectParams, useStore } from '../../store'

const catalog = () => builtInCatalog()
const st = () => useStore.getState()

function current() {
  const s = st()
  if (!s.scene || !s.variantId) return null
  return { scene: s.scene, variantId: s.variantId, variant: findVariant(s.scene, s.variantId), ids: selectEditorSelection(s) }
}

/** The selection's rows and cooling placements (not halls or power nodes). */
export function editableSelection(): string[] {
  const c = current()
  return c ? c.ids.filter((id) => locateItem(c.variant, id) !== null) : []
}

export function deleteSelection(): void {
  const c = current()
  const cmd = c && deleteItems(c.scene, c.variantId, editableSelection())
  if (cmd && st().applyCommand(cmd)) st().selectItems([])
}

export function duplicateSelection(): void {
  const c = current()
  const cmd = c && duplicateItems(c.scene, c.variantId, editableSelection(), catalog(), selectParams(st()).minAisleM)
  if (cmd) st().applyCommand(cmd)
}

export function rotateSelection(byDeg = 90): void {
  const c = current()
  const cmd = c && rotateItemsBy(c.scene, c.variantId, editableSelection(), byDeg, catalog())
  if (cmd) st().applyCommand(cmd)
}

export function setDeviceFor(scope: DeviceScope, deviceId: string): void {
  const c = current()
  if (c) st().applyCommand(setDevice(c.scene, c.variantId, scope, deviceId, catalog()))
}

export function arraySelectedRow(rowId: string, copies: number, pitchM: number): void {
  const c = current()
  if (c) st().applyCommand(arrayRows(c.scene, c.variantId, rowId, copies, pitchM))
}

/** The hall new items go to: the one of the selection, else the first. */
function targetHall() {
  const c = current()
  if (!c) return null
  const id = c.ids[c.ids.length - 1]
  const at = id ? locateItem(c.variant, id) : null
  const hall = (at ? c.variant.halls[at.hallIndex] : undefined) ?? c.variant.halls.find((h) => h.id === id) ?? c.variant.halls[0]
  return hall ? { ...c, hall } : null
}

/** A feed for a new item: the feed of the hall's last row, else its first board. */
function defaultFeed(c: NonNullable<ReturnType<typeof targetHall>>): string {
  return c.hall.rows[c.hall.rows.length - 1]?.feed ?? c.variant.power.find((n) => n.kind === 'board')?.id ?? c.variant.power[0]!.id
}

export function addRowOf(deviceId: string): void {
  const c = targetHall()
  if (!c) return
  const id = uniqueId(`row-${c.hall.rows.length + 1}`, usedIds(c.variant))
  const base: Row = { id, name: `Row ${id.replace(/^row-/, '')}`, position: { x: 1, y: 1 }, rotationDeg: 0, enclosureId: 'mining-shelf-5x4', rackCount: 10, deviceId: 'antminer-s21', devicesPerRack: 20, feed: defaultFeed(c) }
  const row = { ...base, ...fitDevice(base, deviceId, catalog()) }
  row.position = findFreeSpot(c.hall, row, catalog(), selectParams(st()))
  st().applyCommand(addRow(c.variantId, c.hall.id, row))
}

export function addCoolingOf(modelId: string): void {
  const c = targetHall()
  if (!c) return
  const id = uniqueId(`${modelId.split('-')[0]}-${c.hall.cooling.length + 1}`, usedIds(c.variant))
  const unit: CoolingPlacement = { id, modelId, count: 1, position: { x: 1, y: 1 }, rotationDeg: 0, feed: defaultFeed(c) }
  unit.position = findFreeSpot(c.hall, unit, catalog(), selectParams(st()))
  st().applyCommand(addCooling(c.variantId, c.hall.id, unit))
}

/** A transformer from the catalog under the variant's grid node, standing outside the hall. */
export function addTransformerOf(modelId: string): void {
  const c = targetHall()
  if (!c) return
  const grid = c.variant.power.find((n) => n.kind === 'grid')
  if (!grid) return
  const id = uniqueId(`T-new-1`, usedIds(c.variant))
  const n = c.variant.power.filter((p) => p.kind === 'transformer').length
  st().applyCommand(addPowerNode(c.variantId, { id, kind: 'transformer', parent: grid.id, modelId, placement: { hallId: c.hall.id, position: { x: -12, y: 2 + 4 * (n % 12) }, rotationDeg: 0 } }))
}

export function createVariantFromCurrent(): void {
  const c = current()
  if (!c) return
  const taken = new Set(c.scene.variants.map((v) => v.id))
  const id = uniqueId(`${c.variantId}-edit`, taken)
  st().applyCommand(createVariant(c.variantId, id, `${c.variant.name} (copy)`))
}

export function exportScene(): void {
  const s = st()
  if (!s.scene) return
  const blob = new Blob([JSON.stringify(s.scene, null, 2)], { type: 'application/json' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = `${s.scene.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'scene'}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  s.markSaved()
  s.showEditorMessage('info', `Exported ${a.download}`)
}
