// The capacity search: the most racks of one GPU device the site of the scene's first variant
// (the ASIC baseline) carries at a tier. The worker searches; the store keeps the last request and
// its answer and drops answers to requests that were superseded (another device, tier or edit).
import type { StateCreator } from 'zustand'
import { solverPort } from './solverPort'
import type { AppState, CapacityRequest, CapacitySlice, CapacityTier } from './types'

/** The device the card opens on: a liquid-cooled rack-scale system, the usual conversion target. */
export const DEFAULT_CAPACITY_DEVICE = 'gb200-nvl72'

/** The tier the card uses: the one chosen, else the current variant's required tier, else N. */
export function selectCapacityTier(s: AppState): CapacityTier {
  if (s.capacityTier) return s.capacityTier
  return s.scene?.variants.find((v) => v.id === s.variantId)?.requiredTier ?? 'N'
}

export const createCapacitySlice: StateCreator<AppState, [], [], CapacitySlice> = (set, get) => {
  const run = (deviceId: string, tier: CapacityTier): void => {
    const { scene, sceneRevision } = get()
    const base = scene?.variants[0]
    if (!scene || !base) return
    const request: CapacityRequest = { sceneRevision, baseVariantId: base.id, deviceId, tier }
    const capacity = solverPort()?.capacity
    if (!capacity) {
      set({ capacityRequest: request, capacityPending: false, capacityError: 'the solver cannot search capacity' })
      return
    }
    set({ capacityRequest: request, capacityPending: true, capacityError: null })
    capacity(scene, base.id, deviceId, { requiredTier: tier }).then(
      (result) => {
        if (get().capacityRequest !== request) return // superseded by a newer search
        set({ capacityResult: result, capacityResultFor: request, capacityPending: false })
      },
      (error: unknown) => {
        if (get().capacityRequest !== request) return
        set({ capacityError: error instanceof Error ? error.message : String(error), capacityPending: false })
      },
    )
  }

  return {
    capacityDeviceId: DEFAULT_CAPACITY_DEVICE,
    capacityTier: null,
    setCapacityDevice: (capacityDeviceId) => set({ capacityDeviceId }),
    setCapacityTier: (capacityTier) => set({ capacityTier }),
    capacityRequest: null,
    capacityResult: null,
    capacityResultFor: null,
    capacityPending: false,
    capacityError: null,
    runCapacity: () => run(get().capacityDeviceId, selectCapacityTier(get())),
    rerunCapacity: () => {
      const last = get().capacityRequest
      if (last) run(last.deviceId, last.tier)
    },
  }
}
