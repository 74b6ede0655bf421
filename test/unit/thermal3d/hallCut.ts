// The default scene's hall cut behind its first rows (scenes/siberia-20mw.json: 72 × 48 × 8 m,
// pads on the south wall at y = 0, every fan bank on the north wall at y = 47.55): the rows kept
// where they are, the hall's width cut to `widthM`, the fans moved onto the new north wall.
import type { Scene } from '../../../src/model/sceneSchema'

/** The scene with only `variantId`, its hall cut to its first `rows` rows and `widthM`. */
export function cutDefaultHall(scene: Scene, variantId: string, rows: number, widthM: number): Scene {
  const v = structuredClone(scene.variants.find((x) => x.id === variantId)!)
  const hall = v.halls[0]!
  hall.rows = hall.rows.slice(0, rows)
  hall.widthM = widthM
  for (const c of hall.cooling) if (c.position.y > 40) c.position = { ...c.position, y: widthM - 0.45 }
  return { ...scene, variants: [v] }
}
