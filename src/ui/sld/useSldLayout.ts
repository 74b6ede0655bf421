// The laid-out diagram of a variant (with the folds the user opened and the focus), or null while
// ELK works on it in its own Web Worker. One layout per variant object and view: a variant switch
// back and forth, or a re-solve, reuses it.
import { useEffect, useState } from 'react'
import ELK from 'elkjs/lib/elk-api.js'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'
import { builtInCatalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import { buildSldGraph } from './sldGraph'
import { layoutGraph, type SldLayout } from './sldLayout'

let elk: InstanceType<typeof ELK> | null = null
const cache = new WeakMap<Variant, Map<string, Promise<SldLayout>>>()

function engine(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl })
  return elk
}

export interface SldView {
  expanded: ReadonlySet<string>
  focus: string | null
  gridKV: number | null
}

function viewKey(view: SldView): string {
  return JSON.stringify([[...view.expanded].sort(), view.focus, view.gridKV])
}

function layoutSld(variant: Variant, view: SldView): Promise<SldLayout> {
  let perVariant = cache.get(variant)
  if (!perVariant) cache.set(variant, (perVariant = new Map()))
  const key = viewKey(view)
  let pending = perVariant.get(key)
  if (!pending) {
    const graph = buildSldGraph(variant, builtInCatalog(), view)
    pending = layoutGraph(graph, engine())
    pending.catch(() => perVariant.delete(key)) // a failed layout may be retried
    perVariant.set(key, pending)
  }
  return pending
}

interface LayoutState {
  key: string
  variant: Variant | null
  layout: SldLayout | null
  error: string | null
}

export function useSldLayout(variant: Variant | null, view: SldView): { layout: SldLayout | null; error: string | null } {
  const key = viewKey(view)
  const [state, setState] = useState<LayoutState>({ key: '', variant: null, layout: null, error: null })
  useEffect(() => {
    if (!variant) return
    let live = true
    layoutSld(variant, view).then(
      (layout) => live && setState({ key, variant, layout, error: null }),
      (error: unknown) => live && setState({ key, variant, layout: null, error: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      live = false
    }
    // view is read through its key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [variant, key])
  return state.variant === variant && state.key === key ? state : { layout: null, error: null }
}
