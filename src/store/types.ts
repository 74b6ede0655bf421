// The app state: one zustand store made of slices. Each slice owns its fields and actions.
import type { Scene } from '../model/sceneSchema'
import type { FieldIssue } from '../model/issues'
import type { Report } from '../solver/report'

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
  /** Fetches a scene JSON from a URL (?scene=<url>) and loads it. */
  loadSceneFromUrl: (url: string) => Promise<boolean>
  /** Reports a scene that could not even be read (network error, 404). */
  rejectScene: (source: string, message: string) => void
  setLoadingSource: (source: string | null) => void
  dismissSceneIssues: () => void
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

export type ColourMode = 'kind' | 'status' | 'utilisation'

/** What the main area shows: the 3D site or the single-line diagram of the power chain. */
export type MainView = '3d' | 'sld'

export interface ViewSlice {
  colourMode: ColourMode
  setColourMode: (mode: ColourMode) => void
  mainView: MainView
  setMainView: (view: MainView) => void
}

export type AppState = SceneSlice & SelectionSlice & ReportSlice & ViewSlice
