// Immutable edits of one variant of a scene: each helper returns a new Scene that shares every
// untouched variant, hall, row and placement with the old one (structural sharing), so React and
// the store see exactly what changed.
import type { CoolingPlacement, Hall, Row, Scene, Variant } from '../model/sceneSchema'

export type ItemKind = 'row' | 'cooling'

/** Where a row or cooling placement lives in a variant. */
export interface ItemLocation {
  kind: ItemKind
  hallIndex: number
  index: number
}

export function findVariant(scene: Scene, variantId: string): Variant {
  const v = scene.variants.find((x) => x.id === variantId)
  if (!v) throw new Error(`no variant "${variantId}"`)
  return v
}

export function locateItem(variant: Variant, id: string): ItemLocation | null {
  for (let h = 0; h < variant.halls.length; h++) {
    const hall = variant.halls[h]!
    const r = hall.rows.findIndex((x) => x.id === id)
    if (r >= 0) return { kind: 'row', hallIndex: h, index: r }
    const c = hall.cooling.findIndex((x) => x.id === id)
    if (c >= 0) return { kind: 'cooling', hallIndex: h, index: c }
  }
  return null
}

export function hallOfItem(variant: Variant, id: string): Hall | null {
  const at = locateItem(variant, id)
  return at ? (variant.halls[at.hallIndex] ?? null) : null
}

export function updateVariant(scene: Scene, variantId: string, fn: (v: Variant) => Variant): Scene {
  return { ...scene, variants: scene.variants.map((v) => (v.id === variantId ? fn(v) : v)) }
}

export function updateHall(scene: Scene, variantId: string, hallId: string, fn: (h: Hall) => Hall): Scene {
  return updateVariant(scene, variantId, (v) => ({ ...v, halls: v.halls.map((h) => (h.id === hallId ? fn(h) : h)) }))
}

export function getRow(scene: Scene, variantId: string, rowId: string): Row {
  const v = findVariant(scene, variantId)
  const at = locateItem(v, rowId)
  if (!at || at.kind !== 'row') throw new Error(`no row "${rowId}" in variant "${variantId}"`)
  return v.halls[at.hallIndex]!.rows[at.index]!
}

export function getCooling(scene: Scene, variantId: string, id: string): CoolingPlacement {
  const v = findVariant(scene, variantId)
  const at = locateItem(v, id)
  if (!at || at.kind !== 'cooling') throw new Error(`no cooling placement "${id}" in variant "${variantId}"`)
  return v.halls[at.hallIndex]!.cooling[at.index]!
}

/** Replaces one row (found by id) with fn(row). */
export function updateRow(scene: Scene, variantId: string, rowId: string, fn: (r: Row) => Row): Scene {
  return updateVariant(scene, variantId, (v) => ({
    ...v,
    halls: v.halls.map((h) => (h.rows.some((r) => r.id === rowId) ? { ...h, rows: h.rows.map((r) => (r.id === rowId ? fn(r) : r)) } : h)),
  }))
}

export function updateCooling(scene: Scene, variantId: string, id: string, fn: (c: CoolingPlacement) => CoolingPlacement): Scene {
  return updateVariant(scene, variantId, (v) => ({
    ...v,
    halls: v.halls.map((h) =>
      h.cooling.some((c) => c.id === id) ? { ...h, cooling: h.cooling.map((c) => (c.id === id ? fn(c) : c)) } : h,
    ),
  }))
}

/** Every id used in a variant (halls, rows, placements, power nodes): new ids must avoid them. */
export function usedIds(variant: Variant): Set<string> {
  const ids = new Set<string>(variant.power.map((n) => n.id))
  for (const h of variant.halls) {
    ids.add(h.id)
    for (const r of h.rows) ids.add(r.id)
    for (const c of h.cooling) ids.add(c.id)
  }
  return ids
}

/** `base`, else `base-2`, `base-3`… : the first not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  const stem = base.replace(/-\d+$/, '')
  for (let i = 2; ; i++) {
    const id = `${stem}-${i}`
    if (!taken.has(id)) return id
  }
}

/** A number rounded to a millimetre: edits do not accumulate float noise like 7.020000000000003. */
export const roundMm = (m: number): number => Math.round(m * 1000) / 1000
