// The as-built variant is the record of what stands on site (scene format: `asBuilt`): an edit
// that would change it is held until the user says what to do — make a new variant from it and
// put the edit there (the default), edit the record anyway, or drop the edit.
import type { Scene, Variant } from '../model/sceneSchema'
import type { Command } from '../editor/command'

/** Id of the as-built variant the command would change (and the user has not opened for edits). */
export function asBuiltVariantTouched(scene: Scene, command: Command, allowed: readonly string[]): string | null {
  let next: Scene
  try {
    next = command.execute(scene)
  } catch {
    return null // applyCommand reports the error
  }
  if (next === scene) return null
  const after = new Map(next.variants.map((v) => [v.id, v]))
  for (const v of scene.variants) {
    if (v.asBuilt && !allowed.includes(v.id) && after.get(v.id) !== v) return v.id
  }
  return null
}

/** The same edit applied to another variant: the command runs on a scene whose variants `fromId`
 *  and `toId` trade ids, so a command written for `fromId` edits `toId` (a fresh copy of it).
 *  Variants the command leaves alone keep their identity (no needless re-solve). */
export function retarget(command: Command, fromId: string, toId: string): Command {
  const run = (step: (scene: Scene) => Scene) => (scene: Scene): Scene => {
    const original = new Map<Variant, Variant>()
    const swapId = (v: Variant): Variant => (v.id === fromId ? { ...v, id: toId } : v.id === toId ? { ...v, id: fromId } : v)
    const swapped: Scene = {
      ...scene,
      variants: scene.variants.map((v) => {
        const w = swapId(v)
        if (w !== v) original.set(w, v)
        return w
      }),
    }
    const out = step(swapped)
    if (out === swapped) return scene
    return { ...out, variants: out.variants.map((v) => original.get(v) ?? swapId(v)) }
  }
  return {
    type: command.type,
    label: command.label,
    variantId: command.variantId === fromId ? toId : command.variantId,
    execute: run((s) => command.execute(s)),
    undo: run((s) => command.undo(s)),
    ...(command.selectAfter ? { selectAfter: command.selectAfter } : {}),
  }
}
