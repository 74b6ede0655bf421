// The cells of a hall in the order the air visits them. Face flows come from a potential
// (flow.ts: F = g·(φ_P − φ_N)), so air only ever moves to a cell of lower φ and the graph
// "cell → the cells its faces blow into" has no cycles. A topological order of that graph
// (Kahn's algorithm, O(n), no floating-point sort) puts every cell after all the cells that blow
// air into it: a Gauss–Seidel sweep in this order solves pure upwind advection exactly in one
// pass. What it leaves to later sweeps is only what runs against the flow: eddy diffusion and the
// racks' own fans (front → back), which temperature.ts updates during the sweep.
import type { ThermalGrid } from './grid'

/** Hall cell indices, every cell after all of its upwind neighbours. */
export function downstreamOrder(g: ThermalGrid, east: Float64Array, north: Float64Array): Int32Array {
  const { nx, ny, n } = g
  const inflows = new Uint8Array(n)
  // Made before the first loop, not after it: a cold process compiles that loop while it runs,
  // and code after it that never ran has no type feedback and throws the compiled code away.
  const order = new Int32Array(n)
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i
      let c = 0
      if (i > 0 && east[k - 1]! > 0) c++
      if (i < nx - 1 && east[k]! < 0) c++
      if (j > 0 && north[k - nx]! > 0) c++
      if (j < ny - 1 && north[k]! < 0) c++
      inflows[k] = c
    }
  }
  let tail = 0
  for (let k = 0; k < n; k++) if (inflows[k] === 0) order[tail++] = k
  for (let head = 0; head < tail; head++) {
    const k = order[head]!
    const i = k % nx
    if (i < nx - 1 && east[k]! > 0 && --inflows[k + 1]! === 0) order[tail++] = k + 1
    if (i > 0 && east[k - 1]! < 0 && --inflows[k - 1]! === 0) order[tail++] = k - 1
    if (k + nx < n && north[k]! > 0 && --inflows[k + nx]! === 0) order[tail++] = k + nx
    if (k >= nx && north[k - nx]! < 0 && --inflows[k - nx]! === 0) order[tail++] = k - nx
  }
  // Only a cycle could leave cells out, and a potential flow has none; keep every cell regardless.
  if (tail < n) for (let k = 0; k < n; k++) if (inflows[k]! > 0) order[tail++] = k
  return order
}
