// Start-up: the scene from ?scene=<url> if given (falling back to the bundled default when it
// cannot be loaded, with its problems shown), the variant from ?variant=<id>, and the variant
// kept in the address bar so a view can be shared.
import { useStore } from './index'
import { restoreAutosave } from './editorSlice'

export interface BootOptions {
  defaultScene: unknown
  defaultSource: string
  search: string
}

export async function bootScene({ defaultScene, defaultSource, search }: BootOptions): Promise<void> {
  const params = new URLSearchParams(search)
  const sceneUrl = params.get('scene')
  const variantId = params.get('variant')
  // A scene keeps the current variant id when it has one of that id: set it before loading.
  if (variantId) useStore.setState({ variantId })
  // ?heatmap=1 opens with the thermal field on the floors; ?colour=temperature with racks by inlet air.
  if (params.get('heatmap') === '1') useStore.setState({ heatMapOn: true })
  if (params.get('colour') === 'temperature') useStore.setState({ colourMode: 'temperature' })
  const store = useStore.getState()
  if (sceneUrl && (await store.loadSceneFromUrl(sceneUrl))) return
  // Unsaved editor work from the last visit comes back (src/store/editorSlice.ts).
  if (!sceneUrl && restoreAutosave(useStore)) return
  const rejected = useStore.getState().sceneIssues
  store.loadSceneJson(defaultScene, defaultSource)
  if (rejected) useStore.setState({ sceneIssues: rejected })
}

/** Mirrors the current variant into ?variant= without reloading. */
export function syncVariantToUrl(): () => void {
  return useStore.subscribe((state, prev) => {
    if (state.variantId === prev.variantId || state.variantId === null) return
    const url = new URL(window.location.href)
    url.searchParams.set('variant', state.variantId)
    window.history.replaceState(null, '', url)
  })
}
