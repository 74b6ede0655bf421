// The edits of the layout editor, one factory per command. Every command edits one variant of
// the scene immutably and keeps what it replaced for undo.
import type { Catalog } from '../model/catalog'
import type { CoolingPlacement, PowerNode, Row, Scene, Vec2 } from '../model/sceneSchema'
import type { Command } from './command'
import { multi } from './command'
import { centreOf, cornerForCentre, itemSize, normDeg, axes } from '../model/footprint'
import { fitDevice } from './devices'
import {
  findVariant,
  getCooling,
  getRow,
  locateItem,
  roundMm,
  updateCooling,
  updateHall,
  updateRow,
  uniqueId,
  usedIds,
} from './sceneEdit'

const nameOf = (row: Row) => row.name ?? row.id

/** Sets some fields of a row; undo puts back the previous values of exactly those fields. */
export function setRowProps(variantId: string, rowId: string, patch: Partial<Row>, label?: string, type = 'SetRowProps'): Command {
  let before: Partial<Row> = {}
  return {
    type,
    label: label ?? `Edit ${rowId}`,
    variantId,
    selectAfter: [rowId],
    execute(scene) {
      const row = getRow(scene, variantId, rowId)
      before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof Row]])) as Partial<Row>
      return updateRow(scene, variantId, rowId, (r) => withPatch(r, patch))
    },
    undo: (scene) => updateRow(scene, variantId, rowId, (r) => withPatch(r, before)),
  }
}

/** Sets some fields of a cooling placement. */
export function setCoolingProps(
  variantId: string,
  id: string,
  patch: Partial<CoolingPlacement>,
  label?: string,
  type = 'SetCoolingProps',
): Command {
  let before: Partial<CoolingPlacement> = {}
  return {
    type,
    label: label ?? `Edit ${id}`,
    variantId,
    selectAfter: [id],
    execute(scene) {
      const c = getCooling(scene, variantId, id)
      before = Object.fromEntries(Object.keys(patch).map((k) => [k, c[k as keyof CoolingPlacement]])) as Partial<CoolingPlacement>
      return updateCooling(scene, variantId, id, (x) => withPatch(x, patch))
    },
    undo: (scene) => updateCooling(scene, variantId, id, (x) => withPatch(x, before)),
  }
}

/** A patch whose undefined values remove the field (an optional field that was absent). */
function withPatch<T extends object>(item: T, patch: Partial<T>): T {
  const next = { ...item, ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k]
  return next
}

const roundVec = (p: Vec2): Vec2 => ({ x: roundMm(p.x), y: roundMm(p.y) })

export function moveRow(variantId: string, rowId: string, position: Vec2): Command {
  return setRowProps(variantId, rowId, { position: roundVec(position) }, `Move ${rowId}`, 'MoveRow')
}

export function moveCooling(variantId: string, id: string, position: Vec2): Command {
  return setCoolingProps(variantId, id, { position: roundVec(position) }, `Move ${id}`, 'MoveCooling')
}

/** Moves rows and cooling placements by one offset (a drag of the selection). */
export function moveItems(scene: Scene, variantId: string, ids: readonly string[], delta: Vec2): Command {
  const variant = findVariant(scene, variantId)
  const commands = ids.flatMap((id): Command[] => {
    const at = locateItem(variant, id)
    if (!at) return []
    const hall = variant.halls[at.hallIndex]!
    const item = at.kind === 'row' ? hall.rows[at.index]! : hall.cooling[at.index]!
    const to = { x: item.position.x + delta.x, y: item.position.y + delta.y }
    return [at.kind === 'row' ? moveRow(variantId, id, to) : moveCooling(variantId, id, to)]
  })
  return commands.length === 1 ? commands[0]! : multi(`Move ${commands.length} items`, commands)
}

/** Turns a row or a placement to `rotationDeg` about its own centre. */
export function rotateItem(scene: Scene, variantId: string, id: string, rotationDeg: number, catalog: Catalog): Command | null {
  const variant = findVariant(scene, variantId)
  const at = locateItem(variant, id)
  if (!at) return null
  const hall = variant.halls[at.hallIndex]!
  const item = at.kind === 'row' ? hall.rows[at.index]! : hall.cooling[at.index]!
  const size = itemSize(item, catalog)
  const deg = roundMm(normDeg(rotationDeg))
  const position = size
    ? roundVec(cornerForCentre(centreOf({ corner: item.position, lengthM: size.lengthM, depthM: size.depthM, rotationDeg: item.rotationDeg }), size.lengthM, size.depthM, deg))
    : item.position
  return at.kind === 'row'
    ? setRowProps(variantId, id, { rotationDeg: deg, position }, `Rotate ${id}`, 'RotateRow')
    : setCoolingProps(variantId, id, { rotationDeg: deg, position }, `Rotate ${id}`, 'RotateCooling')
}

/** Rotates every selected item by `byDeg` about its own centre (R = 90°). */
export function rotateItemsBy(scene: Scene, variantId: string, ids: readonly string[], byDeg: number, catalog: Catalog): Command | null {
  const variant = findVariant(scene, variantId)
  const commands = ids.flatMap((id) => {
    const at = locateItem(variant, id)
    if (!at) return []
    const hall = variant.halls[at.hallIndex]!
    const item = at.kind === 'row' ? hall.rows[at.index]! : hall.cooling[at.index]!
    const c = rotateItem(scene, variantId, id, item.rotationDeg + byDeg, catalog)
    return c ? [c] : []
  })
  if (commands.length === 0) return null
  return commands.length === 1 ? commands[0]! : multi(`Rotate ${commands.length} items`, commands)
}

/** Inserts a row into a hall (at `index`, default the end). */
export function addRow(variantId: string, hallId: string, row: Row, index?: number, label?: string, type = 'AddRow'): Command {
  return {
    type,
    label: label ?? `Add ${row.id}`,
    variantId,
    selectAfter: [row.id],
    execute: (scene) =>
      updateHall(scene, variantId, hallId, (h) => {
        const rows = [...h.rows]
        rows.splice(index ?? rows.length, 0, row)
        return { ...h, rows }
      }),
    undo: (scene) => updateHall(scene, variantId, hallId, (h) => ({ ...h, rows: h.rows.filter((r) => r.id !== row.id) })),
  }
}

export function deleteRow(variantId: string, rowId: string): Command {
  let removed: { hallId: string; index: number; row: Row } | null = null
  return {
    type: 'DeleteRow',
    label: `Delete ${rowId}`,
    variantId,
    execute(scene) {
      const v = findVariant(scene, variantId)
      const at = locateItem(v, rowId)
      if (!at || at.kind !== 'row') return scene
      const hall = v.halls[at.hallIndex]!
      removed = { hallId: hall.id, index: at.index, row: hall.rows[at.index]! }
      return updateHall(scene, variantId, hall.id, (h) => ({ ...h, rows: h.rows.filter((r) => r.id !== rowId) }))
    },
    undo(scene) {
      const r = removed
      if (!r) return scene
      return updateHall(scene, variantId, r.hallId, (h) => {
        const rows = [...h.rows]
        rows.splice(r.index, 0, r.row)
        return { ...h, rows }
      })
    },
  }
}

export function addCooling(variantId: string, hallId: string, placement: CoolingPlacement, label?: string): Command {
  return {
    type: 'AddCooling',
    label: label ?? `Add ${placement.id}`,
    variantId,
    selectAfter: [placement.id],
    execute: (scene) => updateHall(scene, variantId, hallId, (h) => ({ ...h, cooling: [...h.cooling, placement] })),
    undo: (scene) => updateHall(scene, variantId, hallId, (h) => ({ ...h, cooling: h.cooling.filter((c) => c.id !== placement.id) })),
  }
}

export function deleteCooling(variantId: string, id: string): Command {
  let removed: { hallId: string; index: number; placement: CoolingPlacement } | null = null
  return {
    type: 'DeleteCooling',
    label: `Delete ${id}`,
    variantId,
    execute(scene) {
      const v = findVariant(scene, variantId)
      const at = locateItem(v, id)
      if (!at || at.kind !== 'cooling') return scene
      const hall = v.halls[at.hallIndex]!
      removed = { hallId: hall.id, index: at.index, placement: hall.cooling[at.index]! }
      return updateHall(scene, variantId, hall.id, (h) => ({ ...h, cooling: h.cooling.filter((c) => c.id !== id) }))
    },
    undo(scene) {
      const r = removed
      if (!r) return scene
      return updateHall(scene, variantId, r.hallId, (h) => {
        const cooling = [...h.cooling]
        cooling.splice(r.index, 0, r.placement)
        return { ...h, cooling }
      })
    },
  }
}

/** Deletes rows and cooling placements (Delete key). */
export function deleteItems(scene: Scene, variantId: string, ids: readonly string[]): Command | null {
  const variant = findVariant(scene, variantId)
  const commands = ids.flatMap((id) => {
    const at = locateItem(variant, id)
    if (!at) return []
    return [at.kind === 'row' ? deleteRow(variantId, id) : deleteCooling(variantId, id)]
  })
  if (commands.length === 0) return null
  return commands.length === 1 ? commands[0]! : multi(`Delete ${commands.length} items`, commands)
}

/** A copy of a row (or placement) next to it: shifted by its depth plus an aisle along its normal. */
export function duplicateItems(scene: Scene, variantId: string, ids: readonly string[], catalog: Catalog, aisleM: number): Command | null {
  const variant = findVariant(scene, variantId)
  const taken = usedIds(variant)
  const commands: Command[] = []
  for (const id of ids) {
    const at = locateItem(variant, id)
    if (!at) continue
    const hall = variant.halls[at.hallIndex]!
    const item = at.kind === 'row' ? hall.rows[at.index]! : hall.cooling[at.index]!
    const size = itemSize(item, catalog)
    const { n } = axes(item.rotationDeg)
    const step = (size?.depthM ?? 1) + aisleM
    const position = roundVec({ x: item.position.x + n.x * step, y: item.position.y + n.y * step })
    const newId = uniqueId(`${id}-copy`, taken)
    taken.add(newId)
    if (at.kind === 'row') {
      const row = hall.rows[at.index]!
      commands.push(addRow(variantId, hall.id, { ...row, id: newId, name: `${nameOf(row)} copy`, position }, at.index + 1, `Duplicate ${id}`, 'DuplicateRow'))
    } else {
      commands.push(addCooling(variantId, hall.id, { ...hall.cooling[at.index]!, id: newId, position }, `Duplicate ${id}`))
    }
  }
  if (commands.length === 0) return null
  return commands.length === 1 ? commands[0]! : multi(`Duplicate ${commands.length} items`, commands)
}

/** N copies of a row at a pitch (metres, corner to corner) along its normal: a block of rows. */
export function arrayRows(scene: Scene, variantId: string, rowId: string, copies: number, pitchM: number): Command {
  const variant = findVariant(scene, variantId)
  const at = locateItem(variant, rowId)
  if (!at || at.kind !== 'row') throw new Error(`no row "${rowId}"`)
  const hall = variant.halls[at.hallIndex]!
  const row = hall.rows[at.index]!
  const { n } = axes(row.rotationDeg)
  const taken = usedIds(variant)
  const commands: Command[] = []
  for (let i = 1; i <= copies; i++) {
    const id = uniqueId(`${rowId}-a${i}`, taken)
    taken.add(id)
    const position = roundVec({ x: row.position.x + n.x * pitchM * i, y: row.position.y + n.y * pitchM * i })
    commands.push(addRow(variantId, hall.id, { ...row, id, name: `${nameOf(row)} ×${i}`, position }, at.index + i, undefined, 'AddRow'))
  }
  const c = multi(`Array ${rowId} ×${copies} at ${pitchM} m`, commands)
  return { ...c, type: 'ArrayRows' }
}

export type DeviceScope = { rowId: string } | { hallId: string } | { variant: true }

/** Switches the device model of a row, a hall or the whole variant (ASIC ↔ GPU): the enclosure
 *  and devices per rack follow the device, the rack count keeps the row about as long. */
export function setDevice(scene: Scene, variantId: string, scope: DeviceScope, deviceId: string, catalog: Catalog): Command {
  const variant = findVariant(scene, variantId)
  const rows = variant.halls.flatMap((h) =>
    'hallId' in scope && h.id !== scope.hallId ? [] : h.rows.filter((r) => !('rowId' in scope) || r.id === scope.rowId),
  )
  const commands = rows.map((row) => setRowProps(variantId, row.id, fitDevice(row, deviceId, catalog), `Device of ${row.id}`, 'SetDevice'))
  const what = 'rowId' in scope ? scope.rowId : 'hallId' in scope ? scope.hallId : variant.name
  const device = catalog.devices.get(deviceId)?.name ?? deviceId
  const c = multi(`${what} → ${device}`, commands)
  return { ...c, type: 'SetDevice', variantId }
}

/** A copy of a variant, inserted after it; the store shows the copy. */
export function createVariant(sourceId: string, newId: string, name: string): Command {
  return {
    type: 'CreateVariant',
    label: `New variant ${name}`,
    variantId: newId,
    execute(scene) {
      const i = scene.variants.findIndex((v) => v.id === sourceId)
      const source = scene.variants[i]
      if (!source) return scene
      // Halls, rows and power are shared with the source until one of them is edited.
      const copy = { ...source, id: newId, name, asBuilt: undefined }
      delete copy.asBuilt
      const variants = [...scene.variants]
      variants.splice(i + 1, 0, copy)
      return { ...scene, variants }
    },
    undo: (scene) => ({ ...scene, variants: scene.variants.filter((v) => v.id !== newId) }),
  }
}


/** Adds a power node (a transformer and the like) to the variant's power chain. */
export function addPowerNode(variantId: string, node: PowerNode): Command {
  return {
    type: 'AddPowerNode',
    label: `Add ${node.id}`,
    variantId,
    selectAfter: [node.id],
    execute: (scene) => updateVariantPower(scene, variantId, (power) => [...power, node]),
    undo: (scene) => updateVariantPower(scene, variantId, (power) => power.filter((n) => n.id !== node.id)),
  }
}

function updateVariantPower(scene: Scene, variantId: string, fn: (p: PowerNode[]) => PowerNode[]): Scene {
  return { ...scene, variants: scene.variants.map((v) => (v.id === variantId ? { ...v, power: fn(v.power) } : v)) }
}
