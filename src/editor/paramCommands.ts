// Edits of a variant's solver parameters (its "params" overrides): the limits the checks judge
// against are part of the scene, so changing one is an undoable edit that is saved with it.
import type { SolverParamsOverride } from '../model/params'
import type { Command } from './command'
import { findVariant, updateVariant } from './sceneEdit'

/** Sets one parameter override of a variant; undo puts back the overrides it had. */
export function setVariantParam<K extends keyof SolverParamsOverride>(variantId: string, key: K, value: SolverParamsOverride[K], label?: string): Command {
  let before: SolverParamsOverride | undefined
  return {
    type: 'SetVariantParam',
    label: label ?? `Set ${key}`,
    variantId,
    execute(scene) {
      before = findVariant(scene, variantId).params
      return updateVariant(scene, variantId, (v) => ({ ...v, params: { ...v.params, [key]: value } }))
    },
    undo: (scene) =>
      updateVariant(scene, variantId, (v) => {
        const { params: _drop, ...rest } = v
        return before === undefined ? rest : { ...rest, params: before }
      }),
  }
}
