// What the camera is asked to do next, from keys, double-clicks and the help's buttons: frame the
// whole site, or focus on the selection. CameraRig flies there. A small store of its own, so a
// request re-renders nothing but the rig.
import { create } from 'zustand'

export type CameraRequest = { kind: 'site' } | { kind: 'focus'; ids: readonly string[] }

interface CameraRequests {
  request: CameraRequest | null
  /** Bumped on every request: the same request twice flies twice. */
  serial: number
  ask: (request: CameraRequest) => void
  /** A flight is under way (the rig sets it; tests wait on it). */
  flying: boolean
}

export const useCameraRequests = create<CameraRequests>()((set, get) => ({
  request: null,
  serial: 0,
  ask: (request) => set({ request, serial: get().serial + 1 }),
  flying: false,
}))
