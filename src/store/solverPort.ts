// The store asks "a solver" for reports; main.tsx plugs in the Web Worker client (src/worker/),
// tests can plug in anything else. The store itself never computes physics.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'

export interface SolverPort {
  solve: (scene: Scene, variantId: string) => Promise<Report>
}

let port: SolverPort | null = null

export function connectSolver(next: SolverPort): void {
  port = next
}

export function solverPort(): SolverPort | null {
  return port
}
