// The typical year's hours over a limit, as its checks judged them: year.inlet (per hall, hours the
// device inlet air is above its allowable) and year.coolant (per hall, hours the coolant is above its
// limit or the plant cannot take the liquid heat). The worst of them is the figure: a sum over halls
// and over the two kinds counted one hour several times (GB200 without a plant in Abu Dhabi:
// 1,535 h of inlet + 8,760 h of coolant = "10,295 h" in a year of 8,760).
import type { Check } from '../solver/report'

export interface YearHours {
  /** Hours of the worst year check, null when the year was not judged. */
  worstH: number | null
  /** Its check, for the title. */
  worst: Check | null
  /** Every year check with hours, for the tooltip. */
  checks: Check[]
  /** Worst hall's hours of each kind (null where no hall is judged on it). */
  inletH: number | null
  coolantH: number | null
}

export function yearHoursOverLimit(checks: readonly Check[]): YearHours {
  const year = checks.filter((c) => (c.kind === 'year.inlet' || c.kind === 'year.coolant') && c.value !== null)
  let worst: Check | null = null
  for (const c of year) if (!worst || (c.value ?? 0) > (worst.value ?? 0)) worst = c
  const worstOf = (kind: string) => {
    const v = year.filter((c) => c.kind === kind).map((c) => c.value ?? 0)
    return v.length > 0 ? Math.max(...v) : null
  }
  return { worstH: worst?.value ?? null, worst, checks: year, inletH: worstOf('year.inlet'), coolantH: worstOf('year.coolant') }
}
