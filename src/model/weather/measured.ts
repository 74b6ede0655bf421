// Measured site data (docs/calibration.md, "Measured data"): a CSV with a header line, then one
// line per reading.
//   timestamp,outdoorC,GRID.kW,T-1.kVA,row-1.inletC,site.waterM3
//   2025-01-01T00:00:00Z,-12.3,861.2,878.0,14.1,0.02
// - timestamp: ISO 8601 date and time, `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or ±HH:MM.
//   Without an offset it is the site's local standard time as written; with one it is converted to
//   local standard time at `timeZoneH` (the EPW's time zone; else the first reading's offset), so a
//   daylight-saving shift is neither a gap nor a duplicate. Each reading is for the interval that
//   starts at its timestamp (an EPW hour 1 is 00:00–01:00).
// - outdoorC (optional): outdoor dry bulb, °C; outdoorRH (optional): relative humidity, %.
// - `<id>.<unit>` columns, the id a scene id (split at the last dot, so `row-1.1.inletC` works):
//   `<power node>.kW` / `.kVA` (node intake), `site.kW` (the grid intake), `<row>.inletC`
//   (hottest rack inlet of the row), `site.waterM3` (water used in the reading's interval).
// - Any interval from 1 min to 1 h; empty cells and missing lines are gaps. The hourly value is the
//   mean of an hour's readings (water: their sum scaled to the full hour) when they cover at least
//   half of it; hours covered less are gaps, reported, never errors.
// Errors name the line and the column: unknown ids and units, bad timestamps, bad numbers,
// duplicate timestamps, an interval outside 1 min … 1 h.
import type { WeatherIssue } from './epw'

export const MEASURED_UNITS = ['kW', 'kVA', 'inletC', 'waterM3'] as const
export type MeasuredUnit = (typeof MEASURED_UNITS)[number]
/** The pseudo-id for the whole site (grid intake, water). */
export const SITE_ID = 'site'

/** The ids of the variant the data is compared with. */
export interface MeasuredTargets {
  powerNodes: ReadonlySet<string>
  rows: ReadonlySet<string>
}

export interface MeasuredColumn {
  /** The header as written. */
  name: string
  id: string
  unit: MeasuredUnit
  /** 1-based column in the file. */
  column: number
}

export interface MeasuredGap {
  /** First and last missing hour, local standard time, `YYYY-MM-DDTHH:00`. */
  from: string
  to: string
  hours: number
}

export interface MeasuredSeries {
  spec: MeasuredColumn
  /** One value per hour of `MeasuredData.hours`; NaN in a gap. */
  values: Float64Array
  missingHours: number
  gaps: MeasuredGap[]
}

export interface MeasuredData {
  /** Every hour from the first reading's to the last's, as hours since 1970-01-01T00:00 local
   *  standard time. */
  hours: Float64Array
  /** Month (0–11) and hour of a 365-day year (0–8759; 29 February counts as 28 February) of each hour. */
  month: Uint8Array
  hourOfYear: Int16Array
  outdoorC: Float64Array | null
  outdoorRH: Float64Array | null
  series: MeasuredSeries[]
  intervalMin: number
  readings: number
}

export type MeasuredResult = { ok: true; data: MeasuredData } | { ok: false; issues: WeatherIssue[] }

const MAX_ISSUES = 20
const MAX_GAPS_LISTED = 10
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const HOUR_MS = 3_600_000
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** Minutes of local standard time since 1970, or a reason it is not a timestamp. */
export function parseTimestamp(text: string, timeZoneH: number | null): { minutes: number; offsetMin: number | null } | string {
  const m = TIMESTAMP.exec(text.trim())
  if (!m) return `expected an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]), got ${JSON.stringify(text.slice(0, 40))}`
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number]
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && !leap ? 28 : MONTH_DAYS[mo - 1]!) || h > 23 || mi > 59 || s > 59) {
    return `not a date and time: ${JSON.stringify(text.slice(0, 40))}`
  }
  let offsetMin: number | null = null
  if (m[7]) {
    if (m[7] === 'Z') offsetMin = 0
    else {
      const digits = m[7].replace(':', '')
      offsetMin = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
    }
  }
  let minutes = Date.UTC(y, mo - 1, d, h, mi, s) / 60_000
  // Written with an offset: to UTC, then to the site's standard time.
  if (offsetMin !== null && timeZoneH !== null) minutes += Math.round(timeZoneH * 60) - offsetMin
  return { minutes, offsetMin }
}

function hourLabel(hourIndex: number): string {
  return new Date(hourIndex * HOUR_MS).toISOString().slice(0, 13) + ':00'
}

function headerColumn(name: string, column: number, targets: MeasuredTargets): MeasuredColumn | string {
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || dot === name.length - 1) return `expected "timestamp", "outdoorC", "outdoorRH" or "<scene id>.<unit>" (units: ${MEASURED_UNITS.join(', ')}), got ${JSON.stringify(name)}`
  const id = name.slice(0, dot)
  const unit = name.slice(dot + 1)
  if (!(MEASURED_UNITS as readonly string[]).includes(unit)) return `unknown unit "${unit}" in ${JSON.stringify(name)} (known: ${MEASURED_UNITS.join(', ')})`
  const u = unit as MeasuredUnit
  const isNode = targets.powerNodes.has(id)
  const isRow = targets.rows.has(id)
  if (id !== SITE_ID && !isNode && !isRow) return `unknown id "${id}" in ${JSON.stringify(name)}: not a power node, a row or "site" of the variant`
  const fits = u === 'inletC' ? isRow : u === 'waterM3' ? id === SITE_ID : u === 'kVA' ? isNode : isNode || id === SITE_ID
  if (!fits) {
    const what = id === SITE_ID ? 'the site' : isRow ? `row "${id}"` : `power node "${id}"`
    return `${what} has no ${u} (kW: a power node or site; kVA: a power node; inletC: a row; waterM3: site)`
  }
  return { name, id, unit: u, column }
}

function splitLine(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'))
}

function hourOfYearOf(hourIndex: number): { month: number; hourOfYear: number } {
  const date = new Date(hourIndex * HOUR_MS)
  const month = date.getUTCMonth()
  const day = Math.min(date.getUTCDate(), month === 1 ? 28 : 31)
  return { month, hourOfYear: (MONTH_START_DAY[month]! + day - 1) * 24 + date.getUTCHours() }
}

/** Parses measured data against the ids of a variant. `timeZoneH`: the site's standard time
 *  (the EPW's), used for timestamps written with an offset. Never throws. */
export function parseMeasured(text: string, targets: MeasuredTargets, timeZoneH: number | null = null): MeasuredResult {
  const issues: WeatherIssue[] = []
  const add = (issue: WeatherIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue)
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = splitLine(lines[0] ?? '')
  if (header[0] !== 'timestamp') return { ok: false, issues: [{ line: 1, column: 1, message: `expected the header to start with "timestamp", got ${JSON.stringify((header[0] ?? '').slice(0, 40))}` }] }
  const columns: MeasuredColumn[] = []
  let outdoorCol = -1
  let rhCol = -1
  const seen = new Map<string, number>()
  header.forEach((name, i) => {
    if (i === 0) return
    const column = i + 1
    if (seen.has(name)) return add({ line: 1, column, message: `duplicate column ${JSON.stringify(name)} (also column ${seen.get(name)})` })
    seen.set(name, column)
    if (name === 'outdoorC') outdoorCol = i
    else if (name === 'outdoorRH') rhCol = i
    else {
      const c = headerColumn(name, column, targets)
      if (typeof c === 'string') add({ line: 1, column, message: c })
      else columns.push(c)
    }
  })
  if (columns.length === 0 && issues.length === 0) add({ line: 1, column: 0, message: 'no measured series: expected at least one "<scene id>.<unit>" column' })
  if (issues.length > 0) return { ok: false, issues }

  // Readings: local standard minutes and the values of each column.
  const minutes: number[] = []
  const lineOf: number[] = []
  const values: number[][] = []
  const byTime = new Map<number, number>()
  let zone = timeZoneH
  for (let i = 1; i < lines.length && issues.length < MAX_ISSUES; i++) {
    const line = i + 1
    if (lines[i]!.trim() === '') continue
    const f = splitLine(lines[i]!)
    if (f.length !== header.length) {
      add({ line, column: 0, message: `expected ${header.length} comma-separated fields as in the header, got ${f.length}` })
      continue
    }
    const t = parseTimestamp(f[0]!, zone)
    if (typeof t === 'string') {
      add({ line, column: 1, message: t })
      continue
    }
    if (zone === null && t.offsetMin !== null) zone = t.offsetMin / 60 // the first offset is the site's standard time
    const earlier = byTime.get(t.minutes)
    if (earlier !== undefined) {
      add({ line, column: 1, message: `duplicate timestamp ${f[0]} (line ${earlier} has the same time)` })
      continue
    }
    byTime.set(t.minutes, line)
    const row: number[] = []
    for (let c = 1; c < f.length; c++) {
      const cell = f[c]!
      if (cell === '') {
        row.push(NaN)
        continue
      }
      const v = Number(cell)
      if (!Number.isFinite(v)) add({ line, column: c + 1, message: `expected a number (or an empty cell for a gap) in ${header[c]}, got ${JSON.stringify(cell.slice(0, 40))}` })
      row.push(v)
    }
    minutes.push(t.minutes)
    lineOf.push(line)
    values.push(row)
  }
  if (issues.length > 0) return { ok: false, issues }
  if (minutes.length < 2) return { ok: false, issues: [{ line: 0, column: 0, message: `expected at least two readings, got ${minutes.length}` }] }

  // The interval: the most common step between consecutive readings.
  const order = minutes.map((_, i) => i).sort((a, b) => minutes[a]! - minutes[b]!)
  const steps = new Map<number, number>()
  for (let k = 1; k < order.length; k++) {
    const step = minutes[order[k]!]! - minutes[order[k - 1]!]!
    steps.set(step, (steps.get(step) ?? 0) + 1)
  }
  const intervalMin = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
  if (intervalMin < 1 || intervalMin > 60) {
    return { ok: false, issues: [{ line: lineOf[order[1]!]!, column: 1, message: `readings every ${intervalMin} min: expected an interval from 1 min to 1 h` }] }
  }

  // Hourly aggregation.
  const first = Math.floor(minutes[order[0]!]! / 60)
  const last = Math.floor(minutes[order[order.length - 1]!]! / 60)
  const n = last - first + 1
  const fields = header.length - 1
  const sum = Array.from({ length: fields }, () => new Float64Array(n))
  const count = Array.from({ length: fields }, () => new Float64Array(n))
  for (let r = 0; r < minutes.length; r++) {
    const h = Math.floor(minutes[r]! / 60) - first
    const row = values[r]!
    for (let c = 0; c < fields; c++) {
      const v = row[c]!
      if (Number.isNaN(v)) continue
      sum[c]![h]! += v
      count[c]![h]!++
    }
  }
  const perHour = 60 / intervalMin
  const hourly = (c: number, total: boolean): Float64Array => {
    const out = new Float64Array(n)
    for (let h = 0; h < n; h++) {
      const k = count[c]![h]!
      out[h] = k * intervalMin >= 30 ? (total ? (sum[c]![h]! / k) * perHour : sum[c]![h]! / k) : NaN
    }
    return out
  }
  const hours = new Float64Array(n)
  const month = new Uint8Array(n)
  const hourOfYear = new Int16Array(n)
  for (let h = 0; h < n; h++) {
    hours[h] = first + h
    const at = hourOfYearOf(first + h)
    month[h] = at.month
    hourOfYear[h] = at.hourOfYear
  }
  const series: MeasuredSeries[] = columns.map((spec) => {
    const v = hourly(spec.column - 2, spec.unit === 'waterM3')
    const gaps: MeasuredGap[] = []
    let missing = 0
    for (let h = 0; h < n; h++) {
      if (!Number.isNaN(v[h]!)) continue
      missing++
      const prev = gaps[gaps.length - 1]
      if (prev && h > 0 && Number.isNaN(v[h - 1]!)) {
        prev.to = hourLabel(first + h)
        prev.hours++
      } else gaps.push({ from: hourLabel(first + h), to: hourLabel(first + h), hours: 1 })
    }
    return { spec, values: v, missingHours: missing, gaps: gaps.slice(0, MAX_GAPS_LISTED) }
  })
  return {
    ok: true,
    data: {
      hours,
      month,
      hourOfYear,
      outdoorC: outdoorCol > 0 ? hourly(outdoorCol - 1, false) : null,
      outdoorRH: rhCol > 0 ? hourly(rhCol - 1, false) : null,
      series,
      intervalMin,
      readings: minutes.length,
    },
  }
}
