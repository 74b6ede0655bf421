// The cells of a hall in the order the air visits them. Face flows come from a potential
// (flow.ts: F = g·(φ_P − φ_N)), so air only ever moves to a cell of lower φ and the graph
// "cell → the cells its faces blow into" has no cycles. A topological order of that graph
// (Kahn's algorithm, O(n), no floating-point sort) puts every cell after all the cells that blow
// air into it: a Gauss–Seidel sweep in this order solves pure upwind advection exactly in one
// pass. What it leaves to later sweeps is only what runs against the flow: eddy diffusion and the
// racks' own fans (front → back), which temperature.ts updates during the sweep.
// The loops are the kernel `downstream` (kernels.wat).
import type { ThermalGrid } from './grid'
import type { Arena } from './kernels'

/** Hall cell indices, every cell after all of its upwind neighbours. `east`, `north`: the
 *  hall-indexed face flows, in the arena, which also holds the order and a scratch count per cell:
 *  each cell's count of faces that blow into it; the cells with none first, in index order; then
 *  each cell in turn releases the neighbours it blows into (east, west, north, south), a neighbour
 *  joining the order once its count reaches zero. Only a cycle could leave cells out, and a
 *  potential flow has none; every cell is kept regardless (the rest in index order). */
export function downstreamOrder(arena: Arena, g: ThermalGrid, east: Float64Array, north: Float64Array): Int32Array {
  const inflows = arena.i32(g.n)
  const order = arena.i32(g.n)
  arena.kernels.downstream(g.n, g.nx, east.byteOffset, north.byteOffset, inflows.byteOffset, order.byteOffset)
  return order
}
