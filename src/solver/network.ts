// Network: the WAN uplink the configuration needs against the site's fibre.
//   Miners: Stratum traffic, under 1 Mbit/s each (engineering-data.md §9).
//   AI inference: the devices' uplinkMbps (1–10 Gbit/s per MW, engineering-data.md §9).
//   AI training: mostly intra-site fabric; the WAN share is a named parameter.
import type { SolverParams } from '../model/params'
import type { Scene, Variant } from '../model/sceneSchema'
import type { Check } from './report'
import { makeCheck } from './checks'
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

export function networkChecks(scene: Scene, variant: Variant, loads: VariantLoads, params: SolverParams): Check[] {
  const fibreGbps = variant.fibreGbps ?? scene.site.fibreGbps
  if (fibreGbps === undefined) return []
  const needGbps = requiredUplinkMbps(variant, loads, params) / 1000
  const workload = variant.workload ?? (loads.rows.some((r) => r.device.kind === 'gpu') ? 'inference' : 'mining')
  return [
    makeCheck({
      id: `network.uplink:${variant.id}`,
      domain: 'network',
      title: 'Fibre uplink',
      subject: scene.site.name,
      subjectId: variant.id,
      value: needGbps,
      limit: fibreGbps,
      unit: 'Gbit/s',
      sense: 'max',
      warnRatio: params.continuousLoadFraction,
      note: `${workload} workload${variant.fibreGbps !== undefined ? `; fibre laid by this variant (site has ${scene.site.fibreGbps ?? 0} Gbit/s)` : ''}`,
    }),
  ]
}
