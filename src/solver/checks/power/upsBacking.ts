// AI hosting expects every rack behind a UPS; 2N expects dual-corded racks on independent sides.
import type { VariantLoads } from '../../loads'
import type { Variant } from '../../../model/sceneSchema'
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { dualFeedAdvice, upsAdvice } from '../../power/advice'

function upsAbove(variant: Variant): (start: string) => boolean {
  const parentOf = new Map(variant.power.map((n) => [n.id, n.parent]))
  const kindOf = new Map(variant.power.map((n) => [n.id, n.kind]))
  const memo = new Map<string, boolean>()
  return (start) => {
    const path: string[] = []
    let found = false
    for (let cur: string | null | undefined = start; cur != null; cur = parentOf.get(cur)) {
      const known = memo.get(cur)
      if (known !== undefined) {
        found = known
        break
      }
      path.push(cur)
      if (kindOf.get(cur) === 'ups') {
        found = true
        break
      }
    }
    for (const id of path) memo.set(id, found)
    return found
  }
}

/** The distinct nodes a row's racks are fed from, A side and B side. */
function feedsOf(load: VariantLoads['rows'][number]): string[] {
  const feeds = new Set<string>()
  for (const { a, b } of load.supply.pairs) {
    feeds.add(a)
    if (b !== null) feeds.add(b)
  }
  return [...feeds]
}

export const upsBacking: CheckModule = {
  meta: {
    kind: 'redundancy.ups',
    domain: 'redundancy',
    title: 'Racks behind a UPS',
    unit: '%',
    sense: 'min',
    description: 'Share of a row’s rack feeds with a UPS upstream, for variants that require N+1 or 2N.',
    limitSource: 'AI hosting practice: every rack on UPS above tier N (DESIGN.md)',
    requirement: true,
  },
  evaluate: (ctx) => {
    if (ctx.requiredTier === 'N') return []
    const behindUps = upsAbove(ctx.variant)
    return ctx.loads.rows.map((load) => {
      const feeds = feedsOf(load)
      const unprotected = feeds.filter((f) => !behindUps(f)).length
      return makeCheck(upsBacking.meta, {
        subject: load.row.name ?? load.row.id,
        subjectId: load.row.id,
        value: ((feeds.length - unprotected) / feeds.length) * 100,
        limit: 100,
        note: unprotected > 0 ? (unprotected === feeds.length ? 'no UPS upstream' : `${unprotected} of ${feeds.length} feeds have no UPS upstream`) : undefined,
      })
    })
  },
  advise: (failing, ctx) => upsAdvice(failing, ctx.params),
}

export const dualFeed: CheckModule = {
  meta: {
    kind: 'redundancy.dual',
    domain: 'redundancy',
    title: 'Racks dual-fed (A/B)',
    unit: 'feeds',
    sense: 'min',
    description: 'Whether each rack of a row is fed from an A and a B side, for variants that require 2N.',
    limitSource: '2N practice: dual-corded racks on independent sides',
    requirement: true,
  },
  evaluate: (ctx) =>
    ctx.requiredTier !== '2N'
      ? []
      : ctx.loads.rows.map((load) =>
          makeCheck(dualFeed.meta, {
            subject: load.row.name ?? load.row.id,
            subjectId: load.row.id,
            value: load.supply.dual ? 2 : 1,
            limit: 2,
            note: load.supply.dual ? undefined : '2N needs each rack fed from an A and a B side',
          }),
        ),
  advise: (failing, ctx) => dualFeedAdvice(failing, ctx.loads.rows, ctx.variant.power, ctx.params),
}
