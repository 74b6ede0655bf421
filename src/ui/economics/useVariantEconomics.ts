// Every variant of the scene with its economics (null until solved, or from a solver without
// economics), in scene order, with its chart colour.
import { useMemo } from 'react'
import { economicsOf, useStore } from '../../store'
import type { CheckStatus } from '../../solver/report'
import type { EconomicsResult } from '../../solver/economics/types'
import { bestBuildable } from '../../solver/economics/rank'
import { variantColour } from './seriesColours'

export interface VariantEconomics {
  id: string
  name: string
  colour: string
  current: boolean
  verdict: CheckStatus | null
  pending: boolean
  economics: EconomicsResult | null
  /** Highest NPV among the variants that can be built as drawn (never one whose verdict fails). */
  best: boolean
}

export function useVariantEconomics(): VariantEconomics[] {
  const variants = useStore((s) => s.scene?.variants)
  const reports = useStore((s) => s.reports)
  const pending = useStore((s) => s.pending)
  const variantId = useStore((s) => s.variantId)
  return useMemo(() => {
    const list = (variants ?? []).map((v, i) => {
      const report = reports[v.id]
      return {
        id: v.id,
        name: v.name,
        colour: variantColour(i),
        current: v.id === variantId,
        verdict: report?.verdict ?? null,
        pending: pending[v.id] === true,
        economics: economicsOf(report),
        best: false,
      }
    })
    const best = bestBuildable(list, (v) => v.economics)
    return list.map((v) => (v === best ? { ...v, best: true } : v))
  }, [variants, reports, pending, variantId])
}
