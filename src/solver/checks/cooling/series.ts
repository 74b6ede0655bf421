// Rows in series: a row whose intakes face another row's exhaust across an aisle (both rows turned
// the same way, one behind the other) breathes air that row has just heated. How much of it comes
// back depends on how the aisle mixes with the hall's stream, and the inlet checks cannot tell:
// their figures come from the 2-D plan field, which averages each column of air over the hall's
// height, so the whole stream mixes through every row — the perfect-mixing limit, ≈ 1.1–1.5 K a
// row in the default hall. The 3-D model puts rows behind rows 5–20 K and more above that on the
// same hall (docs/airflow3d.md, "Rows in series": a four-row cut refined to 0.375 m, solid and
// porous shelves), and a hand case shows the limit is exact only when the rows fill the hall's
// cross-section. So for rows in series the design-day inlet checks are not conservative: this check
// says so in the verdict (a warning, not a failure — no model here measures the aisle's mixing),
// names the rows, and the advice is the arrangement that removes the question: rows back to back
// (hot aisle / cold aisle), or a contained hot aisle.
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import { axes, footprintOf, normDeg, type Footprint } from '../../../model/footprint'
import { gapInFront } from '../../../model/clearance'
import type { RowLoad } from '../../loads'
import type { CheckModule } from '../types'

/** Two rows point the same way when their angles differ by less than this, degrees. */
const SAME_WAY_DEG = 0.5

const sameWay = (a: Footprint, b: Footprint) => {
  const d = normDeg(a.rotationDeg - b.rotationDeg)
  return d < SAME_WAY_DEG || d > 360 - SAME_WAY_DEG
}

/** A row whose intakes face the exhaust of another across the aisle between them. */
export interface SeriesPair {
  /** The row that heats the air (its rear faces the next row's front). */
  upstream: RowLoad
  /** The row that breathes it. */
  downstream: RowLoad
  /** The aisle between the upstream rear and the downstream front, m. */
  gapM: number
}

/**
 * Every row that stands behind another row turned the same way, overlapping it along its length
 * and in height, with no other row nearer between them: its front (the side the placement corner
 * is on, −n: the intakes) faces that row's rear (+n: the exhaust). Only rows that put heat into the
 * hall's air count as upstream (a rear door that takes a row's whole heat leaves nothing to
 * re-breathe). One pair per downstream row: the nearest upstream row.
 */
export function rowsInSeries(rows: readonly RowLoad[], catalog: Parameters<typeof footprintOf>[1]): SeriesPair[] {
  // Each row with its footprint and its +n axis (the way its exhaust leaves), once per row.
  const placed = rows.flatMap((load) => {
    const f = footprintOf(load.row, catalog)
    return f ? [{ load, f, n: axes(f.rotationDeg).n }] : []
  })
  const out: SeriesPair[] = []
  for (const down of placed) {
    let best: SeriesPair | null = null
    for (const up of placed) {
      if (up === down || up.load.heatAirKW <= 0 || !sameWay(up.f, down.f)) continue
      if (Math.min(up.f.topM, down.f.topM) - Math.max(up.f.baseM, down.f.baseM) <= 0) continue
      // Behind the upstream row (on its +n side), not in front of it: tested before the gap,
      // which costs more and is not needed for the half of the rows in front.
      const n = up.n
      const along = (p: { x: number; y: number }) => p.x * n.x + p.y * n.y
      if (along(down.f.corner) <= along(up.f.corner)) continue
      const gap = gapInFront(up.f, down.f)
      if (gap === null || gap < 0) continue
      if (!best || gap < best.gapM) best = { upstream: up.load, downstream: down.load, gapM: gap }
    }
    if (best) out.push(best)
  }
  return out
}

const rowName = (l: RowLoad) => l.row.name ?? l.row.id

export const rowsSeries: CheckModule = {
  meta: {
    kind: 'inlet.series',
    domain: 'inlet',
    title: 'Rows in series',
    unit: 'rows',
    sense: 'max',
    description:
      'Rows whose intakes face another row’s exhaust (both turned the same way, one behind the other). The inlet checks’ 2-D plan field mixes the hall’s whole stream through every row, so for such rows it is not conservative; warns, with the 3-D model as the way to see how much each row re-breathes.',
    limitSource: '0: hot aisle / cold aisle (rows back to back or front to front); docs/airflow3d.md "Rows in series" for the 2-D vs 3-D figures',
    guideline: true,
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const h of ctx.halls) {
      if (!h.rows.some((r) => r.heatAirKW > 0)) continue
      const pairs = rowsInSeries(h.rows, ctx.catalog)
      const first = pairs[0]
      out.push(
        makeCheck(rowsSeries.meta, {
          key: `hall:${h.hall.id}`,
          subject: h.hall.name,
          subjectId: h.hall.id,
          value: pairs.length,
          limit: 0,
          // A count: every view writes it as a whole number.
          valueText: String(pairs.length),
          limitText: '0',
          ratio: null,
          status: pairs.length > 0 ? 'warn' : 'ok',
          note: first
            ? `${rowName(first.downstream)} takes in ${rowName(first.upstream)}’s exhaust across ${first.gapM.toFixed(1)} m` +
              (pairs.length > 1 ? ` (${pairs.length} rows so)` : '') +
              '; the inlet figures assume the hall’s stream mixes fully through each row, so here they are optimistic: see the 3-D airflow model'
            : 'no row takes in another row’s exhaust',
        }),
      )
    }
    return out
  },
}
