// A transformer's own losses, active and reactive, at loading k = S/Sr (S the apparent power it
// delivers). IEC 60076-1 quantities; engineering-data.md §5 (active) and §11.1 (reactive):
//   P_loss = P0 + Pk·k²
//   Q_loss = Q0 + Qk·k²,  Q0 = i0·Sr (magnetising),  Qk = ux·Sr (leakage),
//   ux = √(uk² − ur²),    ur = Pk/Sr                 (i0, uk, ur, ux as fractions of Sr)
// A unit rated differently from its catalog model keeps the model's per-unit figures: P0, Pk,
// Q0 and Qk all scale with the rating.
import type { Transformer } from '../../model/catalogSchema'

/** The four coefficients of a transformer's losses at the rating it runs at. */
export interface TransformerLossCoefficients {
  /** No-load (iron) loss P0, kW. */
  p0KW: number
  /** Load (copper) loss at rated current Pk, kW. */
  pkKW: number
  /** Magnetising reactive power Q0 = i0·Sr, kvar. */
  q0Kvar: number
  /** Leakage reactive power at rated current Qk = ux·Sr, kvar. */
  qkKvar: number
}

/** Leakage reactance ux = √(uk² − ur²) with ur = 100·Pk/Sr, % of Sr. A catalog entry with uk at or
 *  below ur is rejected by the catalog schema; were one to get through, ux is 0 (no leakage var),
 *  never NaN. */
export function leakageReactancePct(impedancePct: number, loadLossKW: number, ratingKVA: number): number {
  const urPct = (100 * loadLossKW) / ratingKVA
  return Math.sqrt(Math.max(0, impedancePct * impedancePct - urPct * urPct))
}

/** `lossFactor` (params.transformerLossFactor, a calibrated value; 1 = the catalog's passport
 *  figures) scales the active losses P0 and Pk; the reactive Q0 and Qk stay the passport's. */
export function transformerLossCoefficients(model: Transformer, ratingKVA: number, lossFactor = 1): TransformerLossCoefficients {
  const scale = (ratingKVA / model.ratingKVA) * lossFactor
  const uxPct = leakageReactancePct(model.impedancePct, model.loadLossKW, model.ratingKVA)
  return {
    p0KW: model.noLoadLossKW * scale,
    pkKW: model.loadLossKW * scale,
    q0Kvar: (model.noLoadCurrentPct / 100) * ratingKVA,
    qkKvar: (uxPct / 100) * ratingKVA,
  }
}

/** A transformer's own loss at k² = (S/Sr)²: `noLoad + atRated·k²` — P0 + Pk·k² in kW or
 *  Q0 + Qk·k² in kvar (the one place the flow, the N-1 cases and the year take it from). */
export function transformerLoss(noLoad: number, atRated: number, k2: number): number {
  return noLoad + atRated * k2
}
