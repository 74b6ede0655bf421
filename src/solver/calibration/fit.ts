// Bounded maximum-a-posteriori fit: measurements with Gaussian noise (σ per point) and Gaussian
// priors on the parameters, minimised by Levenberg–Marquardt (ml-levenberg-marquardt, bounded).
//   minimise  Σ_i ((m_i − s_i(θ)) / σ_i)²  +  Σ_k ((θ_k − μ_k) / τ_k)²     subject to lo ≤ θ ≤ hi
// The parameters are optimised in prior units z = (θ − μ)/τ (all of order one, so one finite-
// difference step and one damping suit them all); the priors are extra residuals z_k.
// Uncertainty: the Gauss–Newton posterior covariance (JᵀJ)⁻¹ of those scaled residuals at the
// optimum, J by central differences — the usual linearised estimate (e.g. Press et al., Numerical
// Recipes, §15.5/15.6), valid while the model is near-linear within ±1σ and away from a bound.
import { levenbergMarquardt } from 'ml-levenberg-marquardt'
// (JᵀJ)⁻¹ by ml-matrix, the matrix library ml-levenberg-marquardt is built on (LU; it throws on a
// singular matrix): loading mathjs for one inverse cost a second of start-up in every process.
import { Matrix, inverse } from 'ml-matrix'

export interface FitParam {
  prior: number
  /** Prior standard deviation τ. */
  priorSigma: number
  min: number
  max: number
  /** Finite-difference step in prior units (default 1e-3); a setpoint that switches a mode
   *  (a threshold: the response is a staircase over the hours) needs a step of the order of the
   *  spacing of the hours' temperatures to see a slope. */
  stepZ?: number
}

export interface FitProblem {
  params: readonly FitParam[]
  /** Measurements (finite) and their noise σ (positive), one per point. */
  measured: Float64Array
  sigma: Float64Array
  /** The model at θ, one value per measurement, same order. */
  model: (theta: readonly number[]) => Float64Array
  maxIterations?: number
}

export interface FitResult {
  theta: number[]
  /** Posterior standard deviation of each parameter (NaN when the curvature is singular). */
  sigma: number[]
  /** Σ of squared scaled residuals (data + priors) at the start and at the optimum. */
  costBefore: number
  costAfter: number
  iterations: number
}

const STEP_Z = 1e-3
const BURST = 3

function thetaOf(p: readonly FitParam[], z: ArrayLike<number>): number[] {
  return p.map((q, k) => Math.min(q.max, Math.max(q.min, q.prior + q.priorSigma * z[k]!)))
}

/** Scaled residual vector (data, then priors) at z. */
function residuals(problem: FitProblem, z: readonly number[]): Float64Array {
  const s = problem.model(thetaOf(problem.params, z))
  const n = problem.measured.length
  const out = new Float64Array(n + z.length)
  for (let i = 0; i < n; i++) out[i] = (problem.measured[i]! - s[i]!) / problem.sigma[i]!
  for (let k = 0; k < z.length; k++) out[n + k] = z[k]!
  return out
}

const cost = (r: Float64Array) => r.reduce((s, v) => s + v * v, 0)

export function fitMap(problem: FitProblem): FitResult {
  const K = problem.params.length
  const n = problem.measured.length
  const zMin = problem.params.map((p) => (p.min - p.prior) / p.priorSigma)
  const zMax = problem.params.map((p) => (p.max - p.prior) / p.priorSigma)
  // The library fits y ≈ f(x): x is the residual's index, y its target (measurement/σ, then 0 for
  // the priors), f the model's scaled value. One model run per parameter vector, cached.
  const y = new Float64Array(n + K)
  for (let i = 0; i < n; i++) y[i] = problem.measured[i]! / problem.sigma[i]!
  const x = Array.from({ length: n + K }, (_, i) => i)
  const scaledModel = (z: number[]): ((i: number) => number) => {
    const s = problem.model(thetaOf(problem.params, z))
    return (i: number) => (i < n ? s[i]! / problem.sigma[i]! : z[i - n]!)
  }
  const steps = problem.params.map((p) => p.stepZ ?? STEP_Z)
  let z = new Array<number>(K).fill(0)
  const costBefore = cost(residuals(problem, z))
  // The library runs its whole iteration budget; run it in short bursts and stop when a burst
  // no longer lowers the cost by a part in 10⁶.
  let iterations = 0
  let current = costBefore
  const budget = problem.maxIterations ?? 20
  while (iterations < budget) {
    const burst = Math.min(BURST, budget - iterations)
    const lm = levenbergMarquardt({ x, y }, scaledModel, {
      initialValues: z,
      minValues: zMin,
      maxValues: zMax,
      gradientDifference: steps,
      centralDifference: true,
      damping: 1e-2,
      maxIterations: burst,
      errorTolerance: 1e-9,
    })
    iterations += burst
    const next = cost(residuals(problem, lm.parameterValues))
    if (next < current) z = lm.parameterValues
    const improved = current - next
    current = Math.min(current, next)
    if (!(improved > 1e-6 * current)) break
  }
  const r0 = residuals(problem, z)
  // Jacobian of the scaled residuals by central differences, then (JᵀJ)⁻¹.
  const columns: Float64Array[] = []
  for (let k = 0; k < K; k++) {
    const up = [...z]
    const down = [...z]
    up[k] = Math.min(zMax[k]!, z[k]! + steps[k]!)
    down[k] = Math.max(zMin[k]!, z[k]! - steps[k]!)
    const ru = residuals(problem, up)
    const rd = residuals(problem, down)
    const h = up[k]! - down[k]!
    columns.push(ru.map((v, i) => (h > 0 ? (v - rd[i]!) / h : 0)))
  }
  const jtj = Array.from({ length: K }, (_, a) => Array.from({ length: K }, (_, b) => columns[a]!.reduce((s, v, i) => s + v * columns[b]![i]!, 0)))
  let sigmaZ: number[]
  try {
    const c = inverse(new Matrix(jtj)).to2DArray()
    sigmaZ = c.map((row, k) => Math.sqrt(Math.max(0, row[k]!)))
  } catch {
    sigmaZ = new Array<number>(K).fill(NaN)
  }
  return {
    theta: thetaOf(problem.params, z),
    sigma: sigmaZ.map((s, k) => s * problem.params[k]!.priorSigma),
    costBefore,
    costAfter: cost(r0),
    iterations,
  }
}
