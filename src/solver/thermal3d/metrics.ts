// Air-management metrics of a hall from its rack inlet and outlet temperatures
// (definitions and sources: ../shared/reference/engineering-data.md §11.3, docs/airflow3d.md).
import { AIR_CP_J_PER_KG_K } from '../constants'

/** ASHRAE TC 9.9 (2021) class A1: recommended 18–27 °C, allowable 15–32 °C — the default bands
 *  of the Rack Cooling Index (Herrlin 2005 uses the recommended and allowable limits). */
export const RCI_DEFAULT_BANDS = { maxRecC: 27, maxAllC: 32, minRecC: 18, minAllC: 15 }

export interface RackAirRecord {
  inletC: number
  outletC: number
  flowM3s: number
  heatKW: number
  /** Capture index of a rack whose rear faces a ducted hot aisle (HACI) / front a ducted cold
   *  aisle (CACI), 0–1 (capture.ts); absent for racks outside such aisles. */
  hotCapture?: number
  coldCapture?: number
}

/** Capture index over the racks of the ducted aisles of one kind. */
export interface CaptureSummary {
  /** Mean and lowest over the racks, %. */
  meanPct: number
  minPct: number
  racks: number
  /** Racks below 90 % (VanGilder & Shrivastava 2007 call ≥ 90 % good). */
  below90: number
}

export interface AirMetrics {
  /** Rack Cooling Index, high and low side, % (Herrlin, ASHRAE Transactions 111(2), 2005). */
  rciHiPct: number
  rciLoPct: number
  /** Return Temperature Index, % (Herrlin 2007): (T_return − T_supply)/ΔT_equipment. */
  rtiPct: number
  /** Supply and Return Heat Index (Sharma, Bash & Patel, AIAA 2002-3091). */
  shi: number
  rhi: number
  /** The figures they are made of. */
  supplyC: number
  returnC: number
  equipmentDeltaTK: number
  bands: typeof RCI_DEFAULT_BANDS
  /** Capture index (VanGilder & Shrivastava, ASHRAE Transactions 113(1), 2007): HACI, the share
   *  of a rack's exhaust the local extracts take in directly; CACI, the share of a rack's intake
   *  drawn straight from the local supplies. null: no ducted aisle of that kind. */
  captureIndex: { hot: CaptureSummary | null; cold: CaptureSummary | null }
}

function captureSummary(values: readonly number[]): CaptureSummary | null {
  if (values.length === 0) return null
  return {
    meanPct: (values.reduce((s, v) => s + v, 0) / values.length) * 100,
    minPct: Math.min(...values) * 100,
    racks: values.length,
    below90: values.filter((v) => v < 0.9).length,
  }
}

/**
 * RCI_HI = [1 − Σ_{T_x > T_max,rec}(T_x − T_max,rec) / (n·(T_max,all − T_max,rec))]·100 %;
 * RCI_LO mirrors it below T_min,rec. RTI = (T_return − T_supply)/ΔT_equip·100 %, ΔT_equip the
 * flow-weighted rise across the racks. SHI = δQ/(Q + δQ) with δQ = Σ ρ·cp·Q_r·(T_in,r − T_supply)
 * the heat the supply air picks up before the racks and Q the racks' heat; RHI = 1 − SHI.
 * `supplyC`: air supplied to the hall (intake or handler supply, flow-weighted); `returnC`: air
 * leaving it to the fans, openings or handlers (flow-weighted).
 */
export function airMetrics(racks: readonly RackAirRecord[], supplyC: number, returnC: number, densityKgM3: number, bands = RCI_DEFAULT_BANDS): AirMetrics {
  const n = racks.length
  let over = 0
  let under = 0
  let q = 0
  let qdt = 0
  let picked = 0
  let heat = 0
  for (const r of racks) {
    over += Math.max(0, r.inletC - bands.maxRecC)
    under += Math.max(0, bands.minRecC - r.inletC)
    q += r.flowM3s
    qdt += r.flowM3s * (r.outletC - r.inletC)
    const rhoCp = (densityKgM3 * AIR_CP_J_PER_KG_K) / 1000
    picked += rhoCp * r.flowM3s * (r.inletC - supplyC)
    heat += r.heatKW
  }
  const rciHiPct = n > 0 ? (1 - over / (n * (bands.maxAllC - bands.maxRecC))) * 100 : 100
  const rciLoPct = n > 0 ? (1 - under / (n * (bands.minRecC - bands.minAllC))) * 100 : 100
  const equipmentDeltaTK = q > 0 ? qdt / q : 0
  const rtiPct = equipmentDeltaTK > 0 ? ((returnC - supplyC) / equipmentDeltaTK) * 100 : 0
  const shi = heat + picked > 0 ? Math.max(0, picked) / (heat + Math.max(0, picked)) : 0
  const captureIndex = {
    hot: captureSummary(racks.flatMap((r) => (r.hotCapture !== undefined ? [r.hotCapture] : []))),
    cold: captureSummary(racks.flatMap((r) => (r.coldCapture !== undefined ? [r.coldCapture] : []))),
  }
  return { rciHiPct, rciLoPct, rtiPct, shi, rhi: 1 - shi, supplyC, returnC, equipmentDeltaTK, bands, captureIndex }
}
