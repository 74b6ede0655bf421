// The typical-year and cooling-contingency lines of the CLI report.
import type { Report } from '../../solver'
import { fmt } from '../../report/format'
import { yearHoursOverLimit } from '../../report/yearHours'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function yearLines(report: Report): string[] {
  const y = report.year
  const lines: string[] = []
  if (y) {
    // The worst hall's hours, as the year checks judge them (a sum over halls counted one hour once
    // per hall: the campus in Abu Dhabi read 1548 h for a worst hall of 315 h).
    const hours = yearHoursOverLimit(report.checks)
    const worst = y.halls.length > 1 ? ' (worst hall)' : ''
    lines.push(
      `Year     PUE ${fmt(y.annualPue, 3)} (worst hour ${fmt(y.worstHourPue, 3)}) · ${(y.facilityMWh / 1000).toFixed(1)} GWh · water ${Math.round(y.waterM3).toLocaleString('en-US')} m³ · ` +
        `inlet above allowable ${hours.inletH ?? 0} h${worst} · coolant over limit ${hours.coolantH ?? 0} h${worst} · ${y.minDryBulbC.toFixed(0)} … ${y.maxDryBulbC.toFixed(0)} °C`,
      `  PUE by month: ${y.months.map((m) => `${MONTHS[m.month]} ${fmt(m.pue, 3)}`).join('  ')}`,
    )
  }
  for (const hall of report.halls) {
    const bad = hall.coolingContingencies.filter((c) => c.rowsOverLimit.length > 0)
    lines.push(
      `Cooling N-1, ${hall.name}: ${hall.coolingContingencies.length} case(s), ${bad.length} leave racks over their limit` +
        (bad.length > 0 ? ` — first: losing ${bad[0]!.lost}, ${bad[0]!.rowsOverLimit.length} row(s)${bad[0]!.minutesToLimit !== null ? ` in ${bad[0]!.minutesToLimit.toFixed(1)} min` : ''}` : ''),
    )
  }
  return lines
}
