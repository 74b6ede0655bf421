// The laid-out diagram of a variant, or null while ELK works on it (it runs in its own worker).
import { useEffect, useState } from 'react'
import { builtInCatalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import { layoutSld, type SldLayout } from './sldLayout'

interface LayoutState {
  variant: Variant | null
  layout: SldLayout | null
  error: string | null
}

export function useSldLayout(variant: Variant | null): { layout: SldLayout | null; error: string | null } {
  const [state, setState] = useState<LayoutState>({ variant: null, layout: null, error: null })
  useEffect(() => {
    if (!variant) return
    let live = true
    layoutSld(variant, builtInCatalog()).then(
      (layout) => live && setState({ variant, layout, error: null }),
      (error: unknown) => live && setState({ variant, layout: null, error: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      live = false
    }
  }, [variant])
  return state.variant === variant ? state : { layout: null, error: null }
}
