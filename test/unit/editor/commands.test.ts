import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText, parseScene } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import * as C from '../../../src/editor/commands'
import { multi } from '../../../src/editor/command'
import { getRow } from '../../../src/editor/sceneEdit'

const catalog = builtInCatalog()
const r = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!r.ok) throw new Error('scene invalid')
const scene: Scene = r.scene
const V = 'asic-baseline'

/** execute then undo gives back an equal scene; execute leaves the input untouched. */
function roundTrip(cmd: ReturnType<typeof C.moveRow>) {
  const before = JSON.stringify(scene)
  const edited = cmd.execute(scene)
  expect(JSON.stringify(scene)).toBe(before) // immutable
  expect(parseScene(edited, catalog).ok).toBe(true)
  const undone = cmd.undo(edited)
  expect(undone).toEqual(scene)
  return edited
}

describe('editor commands', () => {
  it('MoveRow moves one row, shares every other part of the scene, and undoes', () => {
    const edited = roundTrip(C.moveRow(V, 'row-1.3', { x: 12, y: 12 }))
    expect(getRow(edited, V, 'row-1.3').position).toEqual({ x: 12, y: 12 })
    expect(edited.variants[1]).toBe(scene.variants[1]) // other variants reused
    expect(edited.variants[0]!.power).toBe(scene.variants[0]!.power)
    expect(edited.variants[0]!.halls[0]!.rows[0]).toBe(scene.variants[0]!.halls[0]!.rows[0])
  })

  it('RotateRow turns about the centre: 90° then 4 × 90° comes back', () => {
    const cmd = C.rotateItem(scene, V, 'row-1.1', 90, catalog)!
    const edited = roundTrip(cmd)
    const row = getRow(edited, V, 'row-1.1')
    // 27 shelves × 2 m = 54 m long, 0.6 m deep; centre (9 + 27, 4 + 0.3) = (36, 4.3).
    // Turned 90°: the corner is centre − (−0.3, 27) = (36.3, −22.7).
    expect(row.rotationDeg).toBe(90)
    expect(row.position).toEqual({ x: 36.3, y: -22.7 })
  })

  it('SetRowProps, AddRow, DeleteRow, DuplicateRow, ArrayRows round-trip', () => {
    roundTrip(C.setRowProps(V, 'row-1.2', { rackCount: 10, name: 'Short row' }))
    roundTrip(C.deleteRow(V, 'row-1.5'))
    const dup = roundTrip(C.duplicateItems(scene, V, ['row-1.11'], catalog, 1.2)!)
    expect(dup.variants[0]!.halls[0]!.rows.some((x) => x.id === 'row-1.11-copy')).toBe(true)
    const arr = roundTrip(C.arrayRows(scene, V, 'row-1.1', 3, 1))
    expect(arr.variants[0]!.halls[0]!.rows.length).toBe(scene.variants[0]!.halls[0]!.rows.length + 3)
    const row = { ...getRow(scene, V, 'row-1.1'), id: 'row-new', position: { x: 1, y: 1 } }
    roundTrip(C.addRow(V, 'hall-1', row))
  })

  it('AddCooling, MoveCooling, DeleteCooling round-trip', () => {
    roundTrip(C.addCooling(V, 'hall-1', { id: 'crah-x', modelId: 'crah-150kw', count: 2, position: { x: 30, y: 30 }, rotationDeg: 0, feed: 'LV-1.AUX' }))
    roundTrip(C.moveCooling(V, 'pads-1', { x: 3, y: 0 }))
    roundTrip(C.deleteCooling(V, 'fans-1.2'))
  })

  it('SetDevice switches a row to GPU with a fitting enclosure, and a whole hall', () => {
    const edited = roundTrip(C.setDevice(scene, V, { rowId: 'row-1.1' }, 'dgx-h100', catalog))
    const row = getRow(edited, V, 'row-1.1')
    // 54 m of shelves → 90 racks of 0.6 m, 4 DGX (8 U each) per 42 U rack.
    expect(row).toMatchObject({ deviceId: 'dgx-h100', enclosureId: 'rack-42u-600', devicesPerRack: 4, rackCount: 90 })
    const hall = roundTrip(C.setDevice(scene, V, { hallId: 'hall-1' }, 'gb200-nvl72', catalog))
    expect(hall.variants[0]!.halls[0]!.rows.every((x) => x.enclosureId === 'rack-nvl72' && x.devicesPerRack === 1)).toBe(true)
    const back = C.setDevice(edited, V, { variant: true }, 'antminer-s21', catalog).execute(edited)
    expect(getRow(back, V, 'row-1.1')).toMatchObject({ enclosureId: 'mining-shelf-5x4', devicesPerRack: 20, rackCount: 27 })
  })

  it('CreateVariant copies the variant (sharing its parts) and undo removes it', () => {
    const edited = roundTrip(C.createVariant(V, 'asic-edit', 'ASIC edit'))
    expect(edited.variants[1]!.id).toBe('asic-edit')
    expect(edited.variants[1]!.halls).toBe(scene.variants[0]!.halls)
  })

  it('Multi runs its commands in order and undoes them in reverse', () => {
    const cmd = multi('two', [C.moveRow(V, 'row-1.1', { x: 10, y: 4 }), C.moveRow(V, 'row-1.1', { x: 11, y: 4 })])
    const edited = roundTrip(cmd)
    expect(getRow(edited, V, 'row-1.1').position.x).toBe(11)
  })

  it('redo after undo gives the same scene', () => {
    const cmd = C.moveItems(scene, V, ['row-1.1', 'pads-1'], { x: 0.5, y: 0 })
    const a = cmd.execute(scene)
    const b = cmd.execute(cmd.undo(a))
    expect(b).toEqual(a)
  })
})
