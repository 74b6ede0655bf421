// Start-up: the autosave starts (held: it writes nothing until start-up is done), then the first
// scene: ?scene=<url> if given (asking first when it is on another site, or when the autosave
// holds unsaved edits: these are kept as a dated backup either way), else the autosave, else the
// bundled default. Any autosave content, however broken, ends in a running app: what cannot be
// read is kept as a backup and the user is told. The variant comes from ?variant=<id> and is kept
// in the address bar so a view can be shared.
import { useStore } from './index'
import { startAutosave, summaryOf, type AutosaveController, type AutosaveOptions, type FoundAutosave } from './autosave'
import { sceneUrlPolicy } from './sceneUrl'

type AppStore = typeof useStore

export interface BootOptions {
  defaultScene: unknown
  defaultSource: string
  search: string
  /** The storage and other-tab events of the autosave (the browser's by default). */
  autosave?: AutosaveOptions
  /** The app's store by default. */
  store?: AppStore
}

type Opened = 'linked' | 'autosave' | 'default'

export async function bootScene(options: BootOptions): Promise<AutosaveController> {
  const store = options.store ?? useStore
  const autosave = startAutosave(store, options.autosave)
  let opened: Opened = 'default'
  try {
    opened = await openFirstScene(store, options, autosave)
  } catch (error) {
    // Never a blank app: whatever went wrong, show the default scene and say what happened.
    if (!store.getState().scene) store.getState().loadSceneJson(options.defaultScene, options.defaultSource)
    store.getState().showEditorMessage('error', `Start-up problem: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    // A linked scene becomes the autosave at once (the one it replaces is in a backup by now).
    autosave.release({ saveNow: opened === 'linked' })
  }
  return autosave
}

async function openFirstScene(store: AppStore, { defaultScene, defaultSource, search }: BootOptions, autosave: AutosaveController): Promise<Opened> {
  const params = new URLSearchParams(search)
  const sceneUrl = params.get('scene')
  const variantId = params.get('variant')
  // A scene keeps the current variant id when it has one of that id: set it before loading.
  if (variantId) store.setState({ variantId })
  // ?heatmap=1 opens with the thermal field on the floors; ?colour=temperature with racks by inlet air.
  if (params.get('heatmap') === '1') store.setState({ heatMapOn: true })
  if (params.get('colour') === 'temperature') store.setState({ colourMode: 'temperature' })

  let found = autosave.inspect()
  if (found.kind === 'unreadable') {
    setAsideUnreadable(store, found, autosave)
    found = { kind: 'none' }
  }
  if (sceneUrl) {
    const linked = await openLinkedScene(store, sceneUrl, found, autosave, variantId !== null)
    if (linked !== 'not-opened') return linked
  }
  if (found.kind === 'ok' && autosave.restore(found, variantId !== null)) return 'autosave'
  const rejected = store.getState().sceneIssues
  store.getState().loadSceneJson(defaultScene, defaultSource)
  if (rejected) store.setState({ sceneIssues: rejected })
  return 'default'
}

/** Moves an unreadable autosave into a backup (left in place if the storage is full) and says so. */
function setAsideUnreadable(store: AppStore, found: Extract<FoundAutosave, { kind: 'unreadable' }>, autosave: AutosaveController): void {
  const backupKey = autosave.setAside(found.raw, 'unreadable')
  if (backupKey) autosave.clearSlot()
  // A notice, not a question: start-up goes on while it is shown.
  void store.getState().askAutosave({ kind: 'unreadable', reason: found.reason, backupKey })
}

async function openLinkedScene(app: AppStore, url: string, found: FoundAutosave, autosave: AutosaveController, keepVariant: boolean): Promise<Opened | 'not-opened'> {
  const store = app.getState()
  const policy = sceneUrlPolicy(url)
  if (policy.kind === 'refused') {
    store.rejectScene(url, policy.reason)
    return 'not-opened'
  }
  if (policy.kind === 'other-origin') {
    const choice = await store.askAutosave({ kind: 'other-origin', url: policy.url.href, origin: policy.url.origin })
    if (choice === 'skip') {
      store.rejectScene(url, `not loaded: it is on another site (${policy.url.origin}) and you chose not to open it`)
      return 'not-opened'
    }
  }
  if (found.kind === 'ok' && found.envelope.unsavedEdits > 0) {
    const choice = await store.askAutosave({ kind: 'linked-scene', url, saved: summaryOf(found.envelope) })
    // Either way, before anything can overwrite it.
    autosave.setAside(found.raw, 'linked-scene')
    if (choice === 'keep-mine') {
      dropSceneFromAddress()
      return autosave.restore(found, keepVariant) ? 'autosave' : 'not-opened'
    }
  }
  const ok = await store.loadSceneFromUrl(url, { otherOriginApproved: policy.kind === 'other-origin' })
  return ok ? 'linked' : 'not-opened'
}

/** After "keep my edits", a reload should not ask again: ?scene= leaves the address bar. */
function dropSceneFromAddress(): void {
  if (typeof window === 'undefined') return
  const url = new URL(window.location.href)
  url.searchParams.delete('scene')
  window.history.replaceState(null, '', url)
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
