// The editor's actions as the toolbar, the keys and the palette call them: each builds a command
// from the current state (src/editor/commands.ts) and hands it to the store's history.
import { builtInCatalog } from '../../model/catalog'
import type { CoolingPlacement, Hall, Row } from '../../model/sceneSchema'
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
import { feedWithRoom, findFreeSpot, placeRow } from '../../editor/placement'
import { variantLoads } from '../../solver/loads'
import { findVariant, locateItem, uniqueId, usedIds } from '../../editor/sceneEdit'
import { selectEditorSelection, selectParams, selectReport, useStore } from '../../store'

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
  if (cmd && st().requestEdit(cmd)) st().selectItems([])
}

export function duplicateSelection(): void {
  const c = current()
  const cmd = c && duplicateItems(c.scene, c.variantId, editableSelection(), catalog(), selectParams(st()).minAisleM)
  if (cmd) st().requestEdit(cmd)
}

export function rotateSelection(byDeg = 90): void {
  const c = current()
  const cmd = c && rotateItemsBy(c.scene, c.variantId, editableSelection(), byDeg, catalog())
  if (cmd) st().requestEdit(cmd)
}

export function setDeviceFor(scope: DeviceScope, deviceId: string): void {
  const c = current()
  if (c) st().requestEdit(setDevice(c.scene, c.variantId, scope, deviceId, catalog()))
}

export function arraySelectedRow(rowId: string, copies: number, pitchM: number): void {
  const c = current()
  if (c) st().requestEdit(arrayRows(c.scene, c.variantId, rowId, copies, pitchM))
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

/** The node that feeds a new item drawing `kw` (at power factor from `kvar`): the feeding node with
 *  the most room up to the grid in the current report, preferring the hall's own feeds; and the
 *  words that say so. Without a report yet: the feed of the hall's last row. */
function feedFor(c: NonNullable<ReturnType<typeof targetHall>>, hall: Hall, kw: number, kvar: number): { feed: string; note: string } {
  const report = selectReport(st())
  const fallback = hall.rows[hall.rows.length - 1]?.feed ?? c.variant.power.find((n) => n.kind === 'board')?.id ?? c.variant.power[0]!.id
  if (!report) return { feed: fallback, note: `fed from ${fallback} (the hall's last row's feed; no report yet)` }
  const needKVA = Math.hypot(kw, kvar)
  const margin = report.params.continuousLoadFraction
  const prefer = new Set([...hall.rows.map((r) => r.feed), ...hall.cooling.map((u) => u.feed)])
  const choice = feedWithRoom(report.nodes, needKVA, margin, prefer)
  if (!choice) return { feed: fallback, note: `fed from ${fallback}` }
  const kva = (v: number) => `${Math.round(v).toLocaleString('en-US')} kVA`
  const pct = `${Math.round(margin * 100)} %`
  return choice.fits
    ? { feed: choice.id, note: `fed from ${choice.id}, which has ${kva(choice.roomKVA)} of room up to the grid within ${pct} of its ratings (this needs ${kva(needKVA)})` }
    : { feed: choice.id, note: `fed from ${choice.id}, the feed with the most room, but it has only ${kva(Math.max(0, choice.roomKVA))} within ${pct} and this needs ${kva(needKVA)}: the power checks will say what to upgrade` }
}

const at = (p: { x: number; y: number }) => `x ${p.x}, y ${p.y} m`

export function addRowOf(deviceId: string): void {
  const c = targetHall()
  if (!c) return
  const id = uniqueId(`row-${c.hall.rows.length + 1}`, usedIds(c.variant))
  const base: Row = { id, name: `Row ${id.replace(/^row-/, '')}`, position: { x: 1, y: 1 }, rotationDeg: 0, enclosureId: 'mining-shelf-5x4', rackCount: 10, deviceId: 'antminer-s21', devicesPerRack: 20, feed: c.hall.rows[0]?.feed ?? '' }
  const row = { ...base, ...fitDevice(base, deviceId, catalog()) }
  const halls = [c.hall, ...c.variant.halls.filter((h) => h !== c.hall)]
  const placed = placeRow(halls, row, catalog(), selectParams(st()))
  if (!placed) {
    st().showEditorMessage('error', `No hall has a free spot for even one rack of ${row.name} with its aisles: make room first.`)
    return
  }
  const params = selectParams(st())
  const load = variantLoads({ ...c.variant, halls: [{ ...placed.hall, rows: [placed.row], cooling: [] }] }, catalog(), params).rows[0]
  const { feed, note } = feedFor(c, placed.hall, load?.rowKW ?? 0, load?.kvar ?? 0)
  const final = { ...placed.row, feed }
  if (!st().requestEdit(addRow(c.variantId, placed.hall.id, final))) return
  const shortened = final.rackCount < row.rackCount ? ` (${final.rackCount} racks: no room for ${row.rackCount})` : ''
  st().showEditorMessage('info', `Added ${final.name}${shortened} at ${at(final.position)} in ${placed.hall.name}, ${note}.`)
}

export function addCoolingOf(modelId: string): void {
  const c = targetHall()
  if (!c) return
  const id = uniqueId(`${modelId.split('-')[0]}-${c.hall.cooling.length + 1}`, usedIds(c.variant))
  const unit: CoolingPlacement = { id, modelId, count: 1, position: { x: 1, y: 1 }, rotationDeg: 0, feed: c.hall.rows[0]?.feed ?? '' }
  const spot = findFreeSpot(c.hall, unit, catalog(), selectParams(st()))
  if (!spot) {
    st().showEditorMessage('error', `${c.hall.name} has no free spot for a ${catalog().coolingUnits.get(modelId)?.name ?? modelId} with its aisles: make room first.`)
    return
  }
  unit.position = spot
  const load = variantLoads({ ...c.variant, halls: [{ ...c.hall, rows: [], cooling: [unit] }] }, catalog(), selectParams(st())).cooling[0]
  const { feed, note } = feedFor(c, c.hall, load?.kw ?? 0, load?.kvar ?? 0)
  unit.feed = feed
  if (!st().requestEdit(addCooling(c.variantId, c.hall.id, unit))) return
  st().showEditorMessage('info', `Added ${unit.id} at ${at(spot)} in ${c.hall.name}, ${note}.`)
}

/** A transformer from the catalog under the variant's grid node, standing outside the hall. */
export function addTransformerOf(modelId: string): void {
  const c = targetHall()
  if (!c) return
  const grid = c.variant.power.find((n) => n.kind === 'grid')
  if (!grid) return
  const id = uniqueId(`T-new-1`, usedIds(c.variant))
  const n = c.variant.power.filter((p) => p.kind === 'transformer').length
  st().requestEdit(addPowerNode(c.variantId, { id, kind: 'transformer', parent: grid.id, modelId, placement: { hallId: c.hall.id, position: { x: -12, y: 2 + 4 * (n % 12) }, rotationDeg: 0 } }))
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
