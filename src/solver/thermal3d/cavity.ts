// The lid-driven cavity (a 2-D case on the 3-D grid: one cell deep, slip in z) and its centre-
// line profiles, for validation against Ghia, Ghia & Shin (1982).
import type { AdvectionScheme } from './advect'
import { createDomain } from './domain'
import { solveFlow3d, type FlowResult, type FlowState } from './ffd'
import { makeGrid3, uIndex, vIndex } from './grid3'

export interface CavityRun {
  result: FlowResult
  /** u/U on the vertical centre line at the given heights y/L. */
  uAt: (y: number) => number
  /** v/U on the horizontal centre line at the given x/L. */
  vAt: (x: number) => number
}

/** Unit square, lid speed 1, ν = 1/Re. `cells` per side (even). */
export function runCavity(re: number, cells: number, opts: { dtS?: number; maxSteps?: number; steadyTolRel?: number; advection?: AdvectionScheme | 'implicit-upwind' | 'implicit-tvd'; pressureTol?: number; warm?: FlowState } = {}): CavityRun {
  const n = cells
  const h = 1 / n
  const g = makeGrid3(n, n, 1, h, h, h)
  const d = createDomain(g)
  d.slip = [false, false, true]
  d.lidU = 1
  const result = solveFlow3d(d, {
    dtS: opts.dtS ?? 2 * h,
    maxSteps: opts.maxSteps ?? 4000,
    steadyTolRel: opts.steadyTolRel ?? 1e-6,
    turbulence: { kind: 'laminar' },
    nuM2s: 1 / re,
    temperature: false,
    diffusionSweeps: 4,
    pressureTol: opts.pressureTol ?? 1e-6,
    advection: opts.advection ?? 'linear',
  }, opts.warm)
  const vel = result.state.vel
  // u on x = 0.5 (the x-faces at i = n/2), cell-centre heights, walls 0 and 1 (the lid).
  const ys = [0]
  const us = [0]
  for (let j = 0; j < n; j++) {
    ys.push((j + 0.5) * h)
    us.push(vel[uIndex(g, n / 2, j, 0)]!)
  }
  ys.push(1)
  us.push(1)
  const xs = [0]
  const vs = [0]
  for (let i = 0; i < n; i++) {
    xs.push((i + 0.5) * h)
    vs.push(vel[vIndex(g, i, n / 2, 0)]!)
  }
  xs.push(1)
  vs.push(0)
  return { result, uAt: (y) => interp(ys, us, y), vAt: (x) => interp(xs, vs, x) }
}

function interp(xs: number[], ys: number[], x: number): number {
  for (let m = 0; m + 1 < xs.length; m++) {
    if (x <= xs[m + 1]!) {
      const t = (x - xs[m]!) / (xs[m + 1]! - xs[m]!)
      return ys[m]! + t * (ys[m + 1]! - ys[m]!)
    }
  }
  return ys[ys.length - 1]!
}
