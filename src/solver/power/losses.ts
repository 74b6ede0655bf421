// The chain's losses on the design day, split by how they change with load, so that the typical
// year (or any off-design hour) can scale them without re-solving the chain:
//   fixed:     transformers' no-load losses P0 (and Q0): energised, they lose it at any load;
//   quadratic: transformers' load losses Pk·k² (and Qk·k²): ∝ (load)² at a constant power factor;
//   linear:    conversion losses of UPS, busways and boards, P_out·(1/η − 1): ∝ load.
// variableLossKW = quadratic + linear. At a fraction r of the design-day load, to first order
//   P_loss(r) = fixedLossKW + quadraticLossKW·r² + (variableLossKW − quadraticLossKW)·r
// The hourly scaling itself belongs to the year (its loss model takes fixedLossKW as its fixed
// part and variableLossKW as its load part at the design load); quadraticLossKW says how much of
// that load part goes with the square of the load. engineering-data.md §5, §11.1;
// power/transformer.ts.
import type { Chain, FlowArrays } from './flow'

export interface LossSplit {
  /** No-load losses of the transformers in service, kW. */
  fixedLossKW: number
  /** Losses that change with load on the design day, kW (quadratic + linear parts). */
  variableLossKW: number
  /** The part of variableLossKW that goes with the square of the load (transformer Pk·k²), kW. */
  quadraticLossKW: number
  /** Transformers' magnetising var Q0, kvar. */
  fixedLossKvar: number
  /** Transformers' leakage var Qk·k² on the design day, kvar (∝ load²). */
  variableLossKvar: number
}

/** The design-day split of a solved flow. */
export function splitLosses(chain: Chain, flow: FlowArrays): LossSplit {
  let fixedLossKW = 0
  let quadraticLossKW = 0
  let linearLossKW = 0
  let fixedLossKvar = 0
  let variableLossKvar = 0
  for (let i = 0; i < chain.nodes.length; i++) {
    const p0 = chain.p0[i]!
    if (p0 === p0) {
      fixedLossKW += p0
      quadraticLossKW += flow.lossKW[i]! - p0
      fixedLossKvar += chain.q0[i]!
      variableLossKvar += flow.lossKvar[i]! - chain.q0[i]!
    } else linearLossKW += flow.lossKW[i]!
  }
  return { fixedLossKW, variableLossKW: quadraticLossKW + linearLossKW, quadraticLossKW, fixedLossKvar, variableLossKvar }
}
