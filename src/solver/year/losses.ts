// Power-chain losses hour by hour. A transformer loses P0 + Pk·(S/Sr)² (engineering-data.md §5,
// IEC 60076 loss model): a fixed no-load part and a load part that goes with the square of the
// load. The power flow gives the losses at the design load; the year scales the load part by
// (load_h / load_design)², taking the load's power factor as constant so S ∝ P. UPS and busway
// losses are treated the same way (their standing losses belong in the fixed part).
// The loss's own share of the current is neglected (≈ 1 % of the load; a second-order effect).

export interface LossModel {
  /** No-load losses (transformer iron, UPS standing losses), kW: the same every hour. */
  fixedKW: number
  /** Load losses at the design load, kW. */
  variableKWAtDesign: number
  /** The load served (IT + cooling, before losses) at which variableKWAtDesign holds, kW. */
  designLoadKW: number
}

/** Losses at a load served, kW: fixed + variable·(load/design)². */
export function lossAtKW(model: LossModel, loadKW: number): number {
  if (model.designLoadKW <= 0) return model.fixedKW + model.variableKWAtDesign
  const k = loadKW / model.designLoadKW
  return model.fixedKW + model.variableKWAtDesign * k * k
}
