import type { StateCreator } from 'zustand'
import { builtInCatalog } from '../model/catalog'
import { parseScene, parseSceneText, type ParseResult } from '../model/parse'
import { fetchSceneText, sceneUrlPolicy } from './sceneUrl'
import type { AppState, SceneSlice } from './types'

export const createSceneSlice: StateCreator<AppState, [], [], SceneSlice> = (set, get) => {
  const accept = (result: ParseResult, source: string): boolean => {
    if (!result.ok) {
      set({ sceneIssues: { source, issues: result.issues }, loadingSource: null })
      return false
    }
    const scene = result.scene
    const current = get().variantId
    const variantId = scene.variants.some((v) => v.id === current) ? current : (scene.variants[0]?.id ?? null)
    set((s) => ({
      scene,
      sceneSource: source,
      sceneRevision: s.sceneRevision + 1,
      sceneIssues: null,
      loadingSource: null,
      variantId,
      selectedId: null,
      reports: {},
      pending: {},
      solveErrors: {},
    }))
    get().solveAll()
    get().rerunCapacity() // an edit re-answers the last capacity question on the new scene
    return true
  }

  return {
    scene: null,
    sceneSource: '',
    sceneRevision: 0,
    sceneIssues: null,
    loadingSource: null,
    loadSceneJson: (json, source) => accept(parseScene(json, builtInCatalog()), source),
    loadSceneText: (text, source) => accept(parseSceneText(text, builtInCatalog()), source),
    loadSceneFromUrl: async (url, { otherOriginApproved = false } = {}) => {
      const refuse = (message: string) => {
        get().rejectScene(url, message)
        return false
      }
      const policy = sceneUrlPolicy(url)
      if (policy.kind === 'refused') return refuse(policy.reason)
      if (policy.kind === 'other-origin' && !otherOriginApproved) return refuse(`not loaded: it is on another site (${policy.url.origin})`)
      set({ loadingSource: url })
      const fetched = await fetchSceneText(policy.url)
      if (!fetched.ok) return refuse(fetched.message)
      return get().loadSceneText(fetched.text, url)
    },
    rejectScene: (source, message) => set({ sceneIssues: { source, issues: [{ path: '', message }] }, loadingSource: null }),
    setLoadingSource: (loadingSource) => set({ loadingSource }),
    dismissSceneIssues: () => set({ sceneIssues: null }),
    setBookmarks: (bookmarks) => set((s) => (s.scene ? { scene: { ...s.scene, bookmarks } } : {})),
  }
}
