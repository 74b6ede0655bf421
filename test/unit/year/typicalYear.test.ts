// The typical year hour by hour as typicalYear.ts's header states the method, written out plainly
// here for each hour: typicalYear (whose month blend, diurnal swing and weather waves are made
// once a process and shared by every climate) gives the same doubles, whichever climate comes first.
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Climate } from '../../../src/model/catalogSchema'
import { DIURNAL_HALF_RANGE_K, HOURS, WEATHER_AMPLITUDE_K, typicalYear } from '../../../src/solver/year/typicalYear'

const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const MID = MONTH_START_DAY.map((s, m) => s + MONTH_DAYS[m]! / 2)

function plainYear(c: Climate) {
  const base: number[] = []
  const deviation: number[] = []
  const month: number[] = []
  for (let h = 0; h < HOURS; h++) {
    const day = Math.floor(h / 24)
    const dayOfYear = day + (h % 24) / 24
    // 1. Daily mean: a cosine blend between the middles of month m and the next.
    let m = 11
    for (let k = 0; k < 12; k++) if (dayOfYear >= MID[k]!) m = k
    const next = (m + 1) % 12
    const span = (next === 0 ? MID[0]! + 365 : MID[next]!) - MID[m]!
    const t = ((dayOfYear - MID[m]! + 365) % 365) / span
    const w = (1 - Math.cos(Math.PI * t)) / 2
    base.push(c.monthlyMeanC[m]! * (1 - w) + c.monthlyMeanC[next]! * w)
    // 2. + 3. Diurnal swing, warmest at 15:00, and three slow waves.
    const days = h / 24
    const waves = (WEATHER_AMPLITUDE_K / 3) * (Math.sin((2 * Math.PI * days) / 3.1) + Math.sin((2 * Math.PI * days) / 5.7 + 1.3) + Math.sin((2 * Math.PI * days) / 9.3 + 2.1))
    deviation.push(DIURNAL_HALF_RANGE_K * Math.cos((2 * Math.PI * ((h % 24) - 15)) / 24) + waves)
    month.push(MONTH_START_DAY.filter((s) => day >= s).length - 1)
  }
  // 4. The scale that puts the hottest hour at the design dry bulb (Newton on the hottest hour).
  const hottest = (s: number) => {
    let best = 0
    for (let h = 1; h < HOURS; h++) if (base[h]! + s * deviation[h]! > base[best]! + s * deviation[best]!) best = h
    return best
  }
  let scale = 0
  if (c.designSummerDryBulbC > Math.max(...base)) {
    scale = 1
    for (let step = 0; step < 100; step++) {
      const h = hottest(scale)
      if (deviation[h]! <= 0) {
        scale *= 2
        continue
      }
      const nextScale = (c.designSummerDryBulbC - base[h]!) / deviation[h]!
      if (nextScale === scale) break
      scale = nextScale
    }
  }
  // Wet bulb: the depression grows linearly from 0 at −10 °C to the design depression.
  const designDepression = Math.max(0, c.designSummerDryBulbC - c.designSummerWetBulbC)
  const spanK = c.designSummerDryBulbC + 10
  const dryBulbC = base.map((b, h) => b + deviation[h]! * scale)
  const wetBulbC = dryBulbC.map((db) => db - (spanK > 0 ? designDepression * Math.min(1, Math.max(0, (db + 10) / spanK)) : 0))
  return { dryBulbC, wetBulbC, month }
}

const sameDoubles = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]))

describe('typicalYear', () => {
  const catalog = builtInCatalog()
  const climates = [...catalog.climates.values()]
  const irkutsk = catalog.climates.get('irkutsk')!
  // Another climate with the same shape of year: warmer, flatter, its design not above its means.
  const shifted: Climate = { ...irkutsk, monthlyMeanC: irkutsk.monthlyMeanC.map((t) => t * 0.5 + 20), designSummerDryBulbC: 18, designSummerWetBulbC: 15 }

  it('is the method of its header, hour by hour, for every climate in either order', () => {
    for (const c of [...climates, shifted, ...[...climates].reverse()]) {
      const year = typicalYear(c)
      const plain = plainYear(c)
      expect([sameDoubles(year.dryBulbC, plain.dryBulbC), sameDoubles(year.wetBulbC, plain.wetBulbC), sameDoubles(year.month, plain.month)], c.id).toEqual([true, true, true])
    }
  })
})
