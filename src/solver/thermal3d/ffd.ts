// The 3-D fast fluid dynamics (FFD) solver: marches the incompressible Navier–Stokes equations
// with Boussinesq buoyancy in time to a steady state (Zuo & Chen 2009, "Real-time or faster-than-
// real-time simulation of airflow in buildings", Indoor Air 19; Han, Tian, VanGilder, Zuo &
// Faulkner 2020, Energy and Buildings). One step, fractional (Chorin 1968 projection):
//   1. eddy viscosity ν_t (turbulence.ts);
//   2. semi-Lagrangian advection of the velocity (advect.ts);
//   3. buoyancy on the vertical faces: w += Δt·g·β·(T − T_ref);
//   4. implicit diffusion with ν + ν_t (diffuse.ts);
//   5. projection: solve −∇²φ = −∇·u* (pressure.ts, MIC(0)-CG), u = u* − ∇φ (mass to `pressureTol`);
//   6. temperature by implicit upwind finite volumes with a time term (temperature.ts).
// A steady temperature solve on the last velocity field closes the run; its heat balance is the
// run's energy check. Plain typed arrays; a previous state starts the next run (warm start).
import { advectVelocity, advectWork, type AdvectionScheme, type TraceScheme } from './advect'
import { diffuseVelocity, faceViscosity, viscosityWork } from './diffuse'
import { FACE_FIXED, FACE_FREE, FACE_OPENING, fluidSide, setUnitFlow, type FlowDomain } from './domain'
import { faceArea, faceAxis } from './grid3'
import { assembleMomentum, momentumWork, sweepMomentum } from './momentum'
import { buildPoisson, solvePoisson, type PoissonPreconditioner, type PoissonSystem } from './pressure'
import { assembleTemperature, createTemperatureSystem, heatBalance, solveTemperatureSweeps, type AirProps } from './temperature'
import { eddyDoubles, eddyViscosity, eddyWork, wallDistance, type TurbulenceModel } from './turbulence'
import { Memory3 } from './kernels3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const FIXED = FACE_FIXED
const OPENING = FACE_OPENING

/** Kinematic viscosity of air at 20–30 °C, m²/s (standard tables: 1.52e-5 at 20 °C, 1.60e-5 at 30 °C). */
export const AIR_NU_M2S = 1.55e-5
/** Gravity, m/s². */
export const GRAVITY_M_S2 = 9.81
/** Prandtl number of air (≈ 0.71, standard tables) and the usual turbulent Prandtl number 0.9
 *  (Chen & Xu 1998 use 0.9 for the zero-equation model). */
export const AIR_PRANDTL = 0.71
export const TURBULENT_PRANDTL = 0.9

export interface FlowOptions {
  /** Time step, s. Semi-Lagrangian advection is stable at any Courant number. */
  dtS: number
  maxSteps: number
  /** Do at least this many steps (a warm start may look steady at once). */
  minSteps?: number
  /** Steady when no face velocity changes by more than this share of the largest speed in a step … */
  steadyTolRel?: number
  /** … and no cell temperature by more than this, K. */
  steadyTolK?: number
  turbulence: TurbulenceModel
  /** Velocity advection: plain semi-Lagrangian or its MacCormack correction (advect.ts), or
   *  'implicit-upwind' (momentum.ts: advection and diffusion solved together, first-order upwind,
   *  with an incremental projection — a steady state that does not depend on the time step). */
  advection?: AdvectionScheme | 'implicit-upwind' | 'implicit-tvd'
  /** Gauss–Seidel sweeps of the implicit upwind momentum per step. */
  momentumSweeps?: number
  /** Stop each back-trace at the first solid cell on its path (default true; false: the plain
   *  trace through solids, for comparison). */
  clipTrace?: boolean
  /** Back-trace of the semi-Lagrangian step (advect.ts), default 'rk2'. */
  trace?: TraceScheme
  /** Molecular kinematic viscosity, m²/s (default air). */
  nuM2s?: number
  /** Boussinesq buoyancy: g·β (β = 1/T_ref for an ideal gas) and the reference temperature. */
  buoyancy?: { gBeta: number; refC: number } | null
  densityKgM3?: number
  cpJPerKgK?: number
  /** Gauss–Seidel sweeps of the implicit momentum diffusion per step. */
  diffusionSweeps?: number
  /** The projection stops at max |∇·u| ≤ pressureTol × U/h (U the largest prescribed speed). */
  pressureTol?: number
  maxPressureIterations?: number
  /** Preconditioner of the projection's CG (pressure.ts): multigrid V-cycle (default) or MIC(0). */
  preconditioner?: PoissonPreconditioner
  /** March the temperature with the flow (needed with buoyancy). */
  temperature?: boolean
  /** The temperature marches with this multiple of the flow's time step: a false time step
   *  (Patankar 1980 §6.7) that reaches the steady state sooner without changing it; the room's air
   *  change time, not the flow's, would otherwise set the number of steps. */
  temperatureDtFactor?: number
  /** Temperature sweeps per step, and of the closing steady solve. */
  temperatureSweeps?: number
  finalTemperatureSweeps?: number
  finalTemperatureTolK?: number
  /** Initial air temperature when there is no warm start, °C. */
  initialC?: number
  /** Reference temperature of the heat balance (the outside air), °C. */
  refC?: number
  /** When the step cap ends the run before a steady state, the closing temperature solve uses the
   *  mean velocity of this last share of the steps (a mean of divergence-free fields is
   *  divergence-free): the time-mean flow of an unsteady (buoyant, turbulent) hall, not one
   *  instant of it. 0: the last field. */
  averageShare?: number
  /** Called after each step; return false to stop (cancel). */
  onStep?: (step: number, maxSteps: number) => boolean | void
}

/** What a run leaves: the fields, reusable as the start of the next run. */
export interface FlowState {
  /** Face velocities (grid3.ts layout), m/s. */
  vel: Float64Array
  /** Cell temperatures, °C. */
  tempC: Float64Array
  /** φ = p·Δt/ρ of the last projection. */
  phi: Float64Array
  /** Eddy viscosity, m²/s. */
  nuT: Float64Array
  /** The time step φ was made with, s (φ = p·Δt/ρ): a warm start at another Δt rescales φ. */
  dtS?: number
}

export interface FlowResult {
  state: FlowState
  steps: number
  converged: boolean
  cancelled: boolean
  /** Steps whose mean velocity the closing temperature solve used (0: the last field). */
  averagedSteps: number
  pressureIterations: number
  temperatureSweeps: number
  /** Largest |∇·u|·h/U after the last projection (dimensionless mass error per cell). */
  maxDivergence: number
  heatInW: number
  heatOutW: number
  /** (out − in)/in, % (0 with no heat). */
  balanceErrorPct: number
  unitInC: Float64Array
  unitOutC: Float64Array
  elapsedMs: number
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** A fresh state: air at rest at `initialC`, fixed faces at their prescribed velocity. */
export function initialState(d: FlowDomain, initialC: number): FlowState {
  const g = d.grid
  const vel = new Float64Array(g.nFaces)
  for (let f = 0; f < g.nFaces; f++) if (d.faceKind[f] === FIXED) vel[f] = d.faceVelocity[f]!
  return { vel, tempC: new Float64Array(g.n).fill(initialC), phi: new Float64Array(g.n), nuT: new Float64Array(g.n) }
}

/** Divergence of every fluid cell (0 in solids), 1/s, into `sys.div`, negated when `negate`: the
 *  kernel divergence (kernels3.wat) on a copy of the velocities in the pressure system's memory. */
function divergence(d: FlowDomain, vel: Float64Array, sys: PoissonSystem, negate: boolean): Float64Array {
  const g = d.grid
  sys.vel.set(vel)
  sys.solid.set(d.solid)
  sys.kernels.divergence(g.nx, g.ny, g.nz, g.dx, g.dy, g.dz, negate ? 1 : 0, sys.solid.byteOffset, sys.vel.byteOffset, sys.div.byteOffset)
  return sys.div
}

/** Make `vel` divergence-free: solve −∇²φ = −∇·u (pressure.ts) from the φ given, then take ∂φ/∂n
 *  off every free or opening face (an opening holds φ = 0 on the face, half a cell from the cell
 *  centre): the kernel subtractGradient (kernels3.wat). */
function project(d: FlowDomain, vel: Float64Array, phi: Float64Array, sys: PoissonSystem, tol: number, maxIter: number): number {
  const g = d.grid
  const b = divergence(d, vel, sys, true)
  const { iterations } = solvePoisson(sys, g.nx, g.ny, b, phi, tol, maxIter)
  sys.kind.set(d.faceKind)
  sys.phi.set(phi)
  sys.kernels.subtractGradient(g.nx, g.ny, g.nz, g.dx, g.dy, g.dz, FREE, OPENING, sys.kind.byteOffset, sys.phi.byteOffset, sys.vel.byteOffset)
  vel.set(sys.vel)
  return iterations
}

function largestPrescribedSpeed(d: FlowDomain): number {
  let u = Math.abs(d.lidU)
  for (let f = 0; f < d.grid.nFaces; f++) if (d.faceKind[f] === FIXED) u = Math.max(u, Math.abs(d.faceVelocity[f]!))
  return u > 0 ? u : 1
}

/** Run the solver to a steady state (or maxSteps), from `warm` when given (same grid). */
export function solveFlow3d(d: FlowDomain, options: FlowOptions, warm?: FlowState): FlowResult {
  const started = now()
  if (!(options.dtS > 0) || !Number.isFinite(options.dtS)) throw new Error(`options.dtS: expected a positive time step in seconds, got ${options.dtS}`)
  if (!Number.isInteger(options.maxSteps) || options.maxSteps < 0) throw new Error(`options.maxSteps: expected a whole number ≥ 0, got ${options.maxSteps}`)
  const g = d.grid
  const nu = options.nuM2s ?? AIR_NU_M2S
  const air: AirProps = { densityKgM3: options.densityKgM3 ?? 1.2, cpJPerKgK: options.cpJPerKgK ?? 1005, prandtl: AIR_PRANDTL, prandtlT: TURBULENT_PRANDTL, nu }
  const dt = options.dtS
  const initialC = options.initialC ?? options.refC ?? 20
  const state = warm && warm.vel.length === g.nFaces && warm.tempC.length === g.n ? cloneState(warm) : initialState(d, initialC)
  // φ = p·Δt/ρ: the incremental projection carries the pressure from step to step, so a warm φ made
  // at another time step is rescaled to this one.
  if (state.dtS !== undefined && state.dtS > 0 && state.dtS !== options.dtS) for (let c = 0; c < g.n; c++) state.phi[c] = (state.phi[c]! * options.dtS) / state.dtS
  state.dtS = options.dtS
  // Fixed faces take the domain's prescribed velocity even when the warm state had others.
  for (let f = 0; f < g.nFaces; f++) if (d.faceKind[f] === FIXED) state.vel[f] = d.faceVelocity[f]!
  const scheme = options.advection ?? 'linear'
  const implicit = scheme === 'implicit-upwind' || scheme === 'implicit-tvd'
  const averageFrom = Math.floor(options.maxSteps * (1 - (options.averageShare ?? 0))) + 1
  // The run's fields, the last step's and the running sum of the velocities in the 3-D kernels'
  // memory (kernels3.ts), where the eddy viscosity and the per-step loops (flowChange, maxChange,
  // accumulate) read them in place; copied back into `state` at the end. The velocities and ν_t are
  // the eddy-viscosity work's own arrays.
  const averaging = (options.averageShare ?? 0) > 0
  const mem = new Memory3(eddyDoubles(d) + 2 * g.nFaces + 4 * g.n + (averaging ? g.nFaces : 0) + 2)
  const k3 = mem.kernels
  const eddy = eddyWork(d, mem)
  eddy.wallDist.set(wallDistance(d))
  const vel = eddy.vel
  const nuT = eddy.out
  const prev = mem.f64(g.nFaces)
  const tempC = mem.f64(g.n)
  const prevT = mem.f64(g.n)
  const phi = mem.f64(g.n)
  const dphi = implicit ? mem.f64(g.n) : phi
  const velSum = averaging ? mem.f64(g.nFaces) : null
  const change = mem.f64(2)
  vel.set(state.vel)
  nuT.set(state.nuT)
  tempC.set(state.tempC)
  phi.set(state.phi)
  const uRef = largestPrescribedSpeed(d)
  const hMin = Math.min(g.dx, g.dy, g.dz)
  const pTol = (options.pressureTol ?? 1e-5) * (uRef / hMin)
  const maxPIter = options.maxPressureIterations ?? 500
  const poisson = buildPoisson(d, options.preconditioner ?? 'multigrid')
  const temp = createTemperatureSystem(g.n, d.units.length, g.nFaces)
  const tmp = new Float64Array(g.nFaces)
  if (d.porousK && !implicit) throw new Error(`options.advection: porous bodies need the implicit momentum ('implicit-upwind' or 'implicit-tvd'), got '${scheme}'`)
  const work = implicit ? null : advectWork(g, scheme === 'maccormack')
  const mWork = implicit ? momentumWork(d) : null
  // The face viscosities live in faceViscosity's memory, where the momentum's assembly reads them.
  const visc = viscosityWork(d, !implicit)
  const nuFace = visc.out
  const marchT = options.temperature ?? options.buoyancy != null
  const tolRel = options.steadyTolRel ?? 1e-4
  const tolK = options.steadyTolK ?? 1e-3
  let pIters = 0
  let tSweeps = 0
  let steps = 0
  let converged = false
  let cancelled = false
  let averaged = 0
  // The domain's arrays the assemblies read do not change during the run (updateLeaks sets only
  // the units' face velocities): copied into their systems at the first assembly, not each step.
  let momentumLoaded = false
  let temperatureLoaded = false
  // A consistent start: a warm or fresh field is projected before the first step (with the
  // incremental projection the start's correction is not a pressure: φ keeps the warm one).
  pIters += project(d, vel, dphi, poisson, pTol, maxPIter)
  if (implicit) dphi.fill(0)
  while (steps < options.maxSteps) {
    steps++
    prev.set(vel)
    prevT.set(tempC)
    eddyViscosity(d, options.turbulence, vel, eddy.wallDist, nuT, eddy)
    if (mWork) {
      // Implicit upwind predictor from uⁿ with the last pressure gradient, then the projection of
      // the increment: φ ← φ + δφ.
      faceViscosity(d, nu, nuT, nuFace, visc)
      assembleMomentum(d, prev, nuFace, dt, { phi, tempC: options.buoyancy ? tempC : null, gBeta: options.buoyancy?.gBeta ?? 0, refC: options.buoyancy?.refC ?? 0 }, mWork, scheme === 'implicit-tvd', momentumLoaded)
      momentumLoaded = true
      sweepMomentum(d, vel, mWork, options.momentumSweeps ?? 4)
      dphi.fill(0)
      pIters += project(d, vel, dphi, poisson, pTol, maxPIter)
      k3.accumulate(g.n, phi.byteOffset, dphi.byteOffset)
    } else {
      advectVelocity(g, d.faceKind, vel, tmp, dt, scheme as AdvectionScheme, work!, options.trace ?? 'rk2', options.clipTrace === false ? null : d.solid)
      if (options.buoyancy) addBuoyancy(d, tmp, tempC, options.buoyancy.gBeta, options.buoyancy.refC, dt)
      vel.set(tmp)
      faceViscosity(d, nu, nuT, nuFace, visc)
      diffuseVelocity(d, vel, tmp, nuFace, dt, options.diffusionSweeps ?? 2, visc)
      pIters += project(d, vel, phi, poisson, pTol, maxPIter)
    }
    updateLeaks(d, vel, phi, dt, air.densityKgM3)
    let dT = 0
    if (marchT) {
      assembleTemperature(d, vel, nuT, air, dt * (options.temperatureDtFactor ?? 10), tempC, temp, temperatureLoaded)
      temperatureLoaded = true
      tSweeps += solveTemperatureSweeps(d, vel, tempC, air, temp, options.temperatureSweeps ?? 2, 0).sweeps
      dT = k3.maxChange(g.n, tempC.byteOffset, prevT.byteOffset)
    }
    k3.flowChange(g.nFaces, vel.byteOffset, prev.byteOffset, change.byteOffset)
    const du = change[0]!
    const umax = change[1]!
    if (velSum && steps >= averageFrom) {
      k3.accumulate(g.nFaces, velSum.byteOffset, vel.byteOffset)
      averaged++
    }
    if (options.onStep && options.onStep(steps, options.maxSteps) === false) {
      cancelled = true
      break
    }
    if (steps >= (options.minSteps ?? 1) && du <= tolRel * Math.max(umax, 1e-12) && dT <= tolK) {
      converged = true
      break
    }
  }
  if (velSum && !converged && !cancelled && averaged > 1) {
    for (let f = 0; f < g.nFaces; f++) vel[f] = velSum[f]! / averaged
    // A leaky unit's flow is the mean of its faces' flows too.
    d.units.forEach((u, idx) => {
      if (u.leakAreaM2 <= 0) return
      let q = 0
      for (const f of u.intake) q += Math.abs(vel[f]!) * faceArea(g, faceAxis(g, f))
      setUnitFlow(d, idx, q, vel)
    })
  }
  // The steady temperature on the last (or mean) velocity field: the run's energy balance.
  assembleTemperature(d, vel, nuT, air, Infinity, tempC, temp, temperatureLoaded)
  tSweeps += solveTemperatureSweeps(d, vel, tempC, air, temp, options.finalTemperatureSweeps ?? 2000, options.finalTemperatureTolK ?? 1e-7).sweeps
  const refC = options.refC ?? initialC
  const { heatInW, heatOutW } = heatBalance(d, vel, tempC, air, temp, refC)
  const div = divergence(d, vel, poisson, false)
  let maxDiv = 0
  for (let c = 0; c < g.n; c++) maxDiv = Math.max(maxDiv, Math.abs(div[c]!))
  state.vel.set(vel)
  state.tempC.set(tempC)
  state.phi.set(phi)
  state.nuT.set(nuT)
  return {
    state,
    steps,
    converged,
    cancelled,
    averagedSteps: velSum && !converged && !cancelled && averaged > 1 ? averaged : 0,
    pressureIterations: pIters,
    temperatureSweeps: tSweeps,
    maxDivergence: (maxDiv * hMin) / uRef,
    heatInW,
    heatOutW,
    balanceErrorPct: Math.abs(heatInW) > 0 ? ((heatOutW - heatInW) / heatInW) * 100 : 0,
    unitInC: Float64Array.from(temp.unitInC),
    unitOutC: Float64Array.from(temp.unitOutC),
    elapsedMs: now() - started,
  }
}

function addBuoyancy(d: FlowDomain, vel: Float64Array, t: Float64Array, gBeta: number, refC: number, dt: number): void {
  const g = d.grid
  const { nx, ny, nz } = g
  const nxy = nx * ny
  const off = g.nU + g.nV
  for (let k = 1; k < nz; k++) {
    for (let c = k * nxy; c < (k + 1) * nxy; c++) {
      const f = off + c
      if (d.faceKind[f] !== FREE) continue
      vel[f] = vel[f]! + dt * gBeta * (0.5 * (t[c]! + t[c - nxy]!) - refC)
    }
  }
}

/** Under-relaxation of a unit's leak flow from one step to the next (the leak follows the
 *  pressure of the previous projection). */
const LEAK_RELAXATION = 0.3

/** A unit whose gaps pass air backwards keeps at least this share of its fans' flow going front
 *  to back (its model has one net direction; a rack that would run backwards is held there). */
const MIN_NET_SHARE = 0.05

/** Air pushed through the open area of leaky units by the pressure difference across them:
 *  Q_leak = ±A·√(2|Δp|/(ρ·ζ)), front to back when the front is at the higher pressure, back to
 *  front (negative: the unit's net flow below its fans') when the rear is — before, none passed
 *  backwards, and a hall whose rows seal its section with the fans drawing less than the rows
 *  push had nowhere to put the difference (no steady state: mass errors of order 1, a heat
 *  balance off by 13–21 %; test/unit/thermal3d/rowsInSeries.test.ts). Δp = ρ·(φ_front − φ_back)/Δt
 *  from the last projection. */
function updateLeaks(d: FlowDomain, vel: Float64Array, phi: Float64Array, dt: number, rho: number): void {
  d.units.forEach((u, idx) => {
    if (u.leakAreaM2 <= 0) return
    const mean = (faces: Int32Array): number => {
      let s = 0
      let n = 0
      for (const f of faces) {
        const side = fluidSide(d, f)
        if (side) ((s += phi[side.cell]!), n++)
      }
      return n > 0 ? s / n : 0
    }
    const dp = (rho * (mean(u.intake) - mean(u.exhaust))) / dt
    const leak = Math.sign(dp) * u.leakAreaM2 * Math.sqrt((2 * Math.abs(dp)) / (rho * u.leakZeta))
    const current = u.flowM3s - u.fanFlowM3s
    setUnitFlow(d, idx, Math.max(MIN_NET_SHARE * u.fanFlowM3s, u.fanFlowM3s + current + LEAK_RELAXATION * (leak - current)), vel)
  })
}

export function cloneState(s: FlowState): FlowState {
  return { vel: Float64Array.from(s.vel), tempC: Float64Array.from(s.tempC), phi: Float64Array.from(s.phi), nuT: Float64Array.from(s.nuT), ...(s.dtS !== undefined ? { dtS: s.dtS } : {}) }
}
