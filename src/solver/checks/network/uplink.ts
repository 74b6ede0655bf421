// The WAN uplink the configuration needs (network.ts) against the site's fibre or the fibre the
// variant lays.
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { requiredUplinkMbps } from '../../network'

export const uplink: CheckModule = {
  meta: {
    kind: 'network.uplink',
    domain: 'network',
    title: 'Fibre uplink',
    unit: 'Gbit/s',
    sense: 'max',
    description: 'Uplink the configuration needs (≤ 1 Mbit/s per miner; the devices’ uplink for inference, a share of it for training) against the fibre.',
    limitSource: 'site.fibreGbps or variant.fibreGbps; warns above params.continuousLoadFraction',
  },
  evaluate: (ctx) => {
    const { scene, variant, loads, params } = ctx
    const fibreGbps = variant.fibreGbps ?? scene.site.fibreGbps
    if (fibreGbps === undefined) return []
    const workload = variant.workload ?? (loads.rows.some((r) => r.device.kind === 'gpu') ? 'inference' : 'mining')
    return [
      makeCheck(uplink.meta, {
        subject: scene.site.name,
        subjectId: variant.id,
        value: requiredUplinkMbps(variant, loads, params) / 1000,
        limit: fibreGbps,
        warnRatio: params.continuousLoadFraction,
        note: `${workload} workload${variant.fibreGbps !== undefined ? `; fibre laid by this variant (site has ${scene.site.fibreGbps ?? 0} Gbit/s)` : ''}`,
      }),
    ]
  },
}
