// The app state: one zustand store made of slices. Each slice owns its fields and actions.
import type { Bookmark, Scene } from '../model/sceneSchema'
import type { FieldIssue } from '../model/issues'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalSlice } from './thermalSlice'
import type { EditorSlice } from './editorSlice'
import type { HistorySlice } from './historySlice'
import type { AutosaveSlice } from './autosaveSlice'

export interface SceneIssues {
  /** Where the rejected scene came from (file name or URL). */
  source: string
  issues: FieldIssue[]
}

export interface SceneSlice {
  scene: Scene | null
  /** Where the current scene came from: a bundled path, a file name or a URL. */
  sceneSource: string
  /** Bumped on every scene change; solver answers for an older revision are stale. */
  sceneRevision: number
  /** Problems of the last scene that was rejected; the current scene stays. */
  sceneIssues: SceneIssues | null
  /** A scene being fetched (?scene=<url>), shown while it loads. */
  loadingSource: string | null
  /** Parses and loads a scene; on failure keeps the current scene and shows the issues. */
  loadSceneJson: (json: unknown, source: string) => boolean
  loadSceneText: (text: string, source: string) => boolean
  /** Fetches a scene JSON from a URL (?scene=<url>) and loads it: this site's own files, or an
   *  https address elsewhere once the user agreed (src/store/sceneUrl.ts); at most 50 MB. */
  loadSceneFromUrl: (url: string, options?: { otherOriginApproved?: boolean }) => Promise<boolean>
  /** Reports a scene that could not even be read (network error, 404). */
  rejectScene: (source: string, message: string) => void
  setLoadingSource: (source: string | null) => void
  dismissSceneIssues: () => void
  /** Replaces the scene's camera bookmarks (exported with it); no re-solve, the camera stays. */
  setBookmarks: (bookmarks: Bookmark[]) => void
}

export interface SelectionSlice {
  variantId: string | null
  /** Id of the selected row, hall, cooling placement or power node. */
  selectedId: string | null
  setVariant: (variantId: string) => void
  select: (id: string | null) => void
}

export interface ReportSlice {
  /** Reports of the current scene revision, by variant id. */
  reports: Record<string, Report>
  /** Variant ids with a solve in flight. */
  pending: Record<string, true>
  /** Solver errors by variant id. */
  solveErrors: Record<string, string>
  /** Solves the current variant first, then the others that have no report yet. */
  solveAll: () => void
}

export type ColourMode = 'kind' | 'status' | 'utilisation' | 'temperature'

/** What the main area shows: the 3D site, the single-line diagram of the power chain, or the
 *  economics of every variant with the capacity search. */
export type MainView = '3d' | 'sld' | 'econ'

export interface ViewSlice {
  colourMode: ColourMode
  setColourMode: (mode: ColourMode) => void
  mainView: MainView
  setMainView: (view: MainView) => void
}

export type CapacityTier = 'N' | 'N+1' | '2N'

/** One capacity search: the most racks of a GPU device the base variant's site carries at a tier. */
export interface CapacityRequest {
  /** The scene revision it was asked for: an answer for an older revision is dropped. */
  sceneRevision: number
  baseVariantId: string
  deviceId: string
  tier: CapacityTier
}

export interface CapacitySlice {
  /** The device and tier chosen in the capacity card (null: the defaults). */
  capacityDeviceId: string
  capacityTier: CapacityTier | null
  setCapacityDevice: (deviceId: string) => void
  setCapacityTier: (tier: CapacityTier) => void
  /** The last search asked for, its answer, whether it is running, and its error. */
  capacityRequest: CapacityRequest | null
  capacityResult: CapacityResult | null
  /** The request the shown result answers (it may differ from the one running). */
  capacityResultFor: CapacityRequest | null
  capacityPending: boolean
  capacityError: string | null
  /** Asks the solver for the capacity of the chosen device and tier on the scene's first variant. */
  runCapacity: () => void
  /** After an edit: runs the last search again on the new scene revision (if one was run). */
  rerunCapacity: () => void
}

export type AppState = SceneSlice & SelectionSlice & ReportSlice & ViewSlice & CapacitySlice & ThermalSlice & EditorSlice & HistorySlice & AutosaveSlice
