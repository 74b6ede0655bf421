// Network: the WAN uplink the configuration needs against the site's fibre.
//   Miners: Stratum traffic, under 1 Mbit/s each (engineering-data.md §9).
//   AI inference: the devices' uplinkMbps (1–10 Gbit/s per MW, engineering-data.md §9).
//   AI training: mostly intra-site fabric; the WAN share is a named parameter.
import type { SolverParams } from '../model/params'
import type { Variant } from '../model/sceneSchema'
import type { VariantLoads } from './loads'

export function requiredUplinkMbps(variant: Variant, loads: VariantLoads, params: SolverParams): number {
  const training = variant.workload === 'training'
  let mbps = 0
  for (const r of loads.rows) {
    const share = r.device.kind === 'gpu' && training ? params.trainingUplinkShare : 1
    mbps += r.deviceCount * (r.device.uplinkMbps ?? 0) * share
  }
  return mbps
}

