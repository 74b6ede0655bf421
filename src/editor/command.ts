// An edit as a small object (three.js editor style): execute() and undo() each take a scene and
// return a new one. A command remembers what it replaced when it executes, so undo restores
// exactly that, and redo is execute() again.
import type { Scene } from '../model/sceneSchema'

export interface Command {
  /** Machine name of the command (MoveRow, SetDevice…). */
  readonly type: string
  /** What the history list and messages show: "Move Row 1.1". */
  readonly label: string
  /** The variant the command edits (the store shows it after undo/redo). */
  readonly variantId: string
  execute(scene: Scene): Scene
  undo(scene: Scene): Scene
  /** Ids the selection should hold after execute (new rows, the moved ones). */
  readonly selectAfter?: readonly string[]
}

/** Several commands as one step (MultiCmdsCommand): executed in order, undone in reverse. */
export function multi(label: string, commands: readonly Command[]): Command {
  const first = commands[0]
  return {
    type: 'Multi',
    label,
    variantId: first?.variantId ?? '',
    selectAfter: commands.flatMap((c) => c.selectAfter ?? []),
    execute: (scene) => commands.reduce((s, c) => c.execute(s), scene),
    undo: (scene) => commands.reduceRight((s, c) => c.undo(s), scene),
  }
}
