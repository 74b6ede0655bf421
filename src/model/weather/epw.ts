// EnergyPlus Weather (EPW) files: the standard hourly typical-year format. Layout from EnergyPlus
// "Auxiliary Programs", chapter "Weather Converter Program", section "EnergyPlus Weather File (EPW)
// Data Dictionary": eight header records (LOCATION, DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS,
// GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2, DATA PERIODS), then one
// record per hour: year, month, day, hour (1–24: hour 1 is 00:00–01:00 local standard time),
// minute, data source flags, dry bulb °C, dew point °C, relative humidity %, station pressure Pa,
// then radiation, wind, sky cover and precipitation fields this parser does not read.
// Missing-value codes from the same dictionary: dry bulb and dew point ≥ 99.9, RH ≥ 999,
// pressure ≥ 999999. Parsing only: the physics that reads it lives in solver/year.
// Errors are values naming the line and the column (1-based field number).

export interface WeatherIssue {
  /** 1-based line of the file; 0 for the file as a whole. */
  line: number
  /** 1-based comma-separated field; 0 for the whole line. */
  column: number
  message: string
}

export function describeWeatherIssue(i: WeatherIssue): string {
  if (i.line === 0) return i.message
  return i.column > 0 ? `line ${i.line}, column ${i.column}: ${i.message}` : `line ${i.line}: ${i.message}`
}

export interface EpwLocation {
  city: string
  region: string
  country: string
  /** Data source (TMY3, IWEC, …). */
  source: string
  wmo: string
  latitude: number
  longitude: number
  /** Hours from UTC of the file's local standard time. */
  timeZoneH: number
  elevationM: number
}

/** The ASHRAE design values in the DESIGN CONDITIONS record, where it uses the 2009 Handbook layout
 *  ("Heating", coldest month, 99.6 % DB, …; "Cooling", hottest month, DB range, 0.4 % DB, its mean
 *  coincident wet bulb, …). Other editions lay the record out differently: then null. */
export interface EpwDesignConditions {
  title: string
  heating996C: number
  cooling04C: number
  cooling04WetBulbC: number
}

export interface EpwFile {
  location: EpwLocation
  designConditions: EpwDesignConditions | null
  /** One entry per hour, 8,760 (a leap year's 29 February is dropped: the year model has 365 days). */
  month: Uint8Array
  day: Uint8Array
  /** 1–24, as in the file. */
  hour: Uint8Array
  dryBulbC: Float64Array
  dewPointC: Float64Array
  /** NaN where the file marks it missing. */
  relativeHumidityPct: Float64Array
  /** NaN where the file marks it missing (the reader takes the standard pressure at the elevation). */
  pressurePa: Float64Array
  /** Line of the file each hour came from. */
  line: Int32Array
}

export type EpwResult = { ok: true; epw: EpwFile } | { ok: false; issues: WeatherIssue[] }

export const EPW_HOURS = 8760
const HEADER_KEYWORDS = ['LOCATION', 'DESIGN CONDITIONS', 'TYPICAL/EXTREME PERIODS', 'GROUND TEMPERATURES', 'HOLIDAYS/DAYLIGHT SAVINGS', 'COMMENTS 1', 'COMMENTS 2', 'DATA PERIODS']
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const MAX_ISSUES = 20

interface Field {
  name: string
  min: number
  max: number
  /** At or above it the value is missing. */
  missingAtOrAbove: number
}
// Field order (1-based columns) and ranges from the EPW data dictionary.
const DRY_BULB: Field = { name: 'dry bulb temperature', min: -70, max: 70, missingAtOrAbove: 99.9 }
const DEW_POINT: Field = { name: 'dew point temperature', min: -70, max: 70, missingAtOrAbove: 99.9 }
const RH: Field = { name: 'relative humidity', min: 0, max: 110, missingAtOrAbove: 999 }
const PRESSURE: Field = { name: 'atmospheric station pressure', min: 31_000, max: 120_000, missingAtOrAbove: 999_999 }

function num(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return NaN
  const v = Number(text)
  return Number.isFinite(v) ? v : NaN
}

function parseLocation(fields: string[], line: number, issues: WeatherIssue[]): EpwLocation | null {
  const at = (col: number, name: string, min: number, max: number): number => {
    const v = num(fields[col - 1])
    if (!(v >= min && v <= max)) issues.push({ line, column: col, message: `expected the ${name} (${min} to ${max}), got ${JSON.stringify(fields[col - 1] ?? '')}` })
    return v
  }
  const latitude = at(7, 'latitude', -90, 90)
  const longitude = at(8, 'longitude', -180, 180)
  const timeZoneH = at(9, 'time zone (hours from UTC)', -12, 14)
  const elevationM = at(10, 'elevation in metres', -1000, 9999.9)
  if (issues.length > 0) return null
  const text = (col: number) => (fields[col - 1] ?? '').trim()
  return { city: text(2), region: text(3), country: text(4), source: text(5), wmo: text(6), latitude, longitude, timeZoneH, elevationM }
}

function parseDesignConditions(fields: string[]): EpwDesignConditions | null {
  // 2009 layout: DESIGN CONDITIONS, count, title, (blank), Heating, month, 99.6 % DB, …, Cooling, month, range, 0.4 % DB, MCWB, …
  const h = fields.findIndex((f) => f.trim() === 'Heating')
  const c = fields.findIndex((f) => f.trim() === 'Cooling')
  if (h < 0 || c < 0) return null
  const heating996C = num(fields[h + 2])
  const cooling04C = num(fields[c + 3])
  const cooling04WetBulbC = num(fields[c + 4])
  if (![heating996C, cooling04C, cooling04WetBulbC].every(Number.isFinite)) return null
  return { title: (fields[2] ?? '').trim(), heating996C, cooling04C, cooling04WetBulbC }
}

/** Parses the text of an EPW file. Never throws. */
export function parseEpw(text: string): EpwResult {
  const issues: WeatherIssue[] = []
  const lines = text.split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  if (lines.length < HEADER_KEYWORDS.length + 1) {
    return { ok: false, issues: [{ line: 0, column: 0, message: `not an EPW file: ${lines.length} lines, expected 8 header lines and 8,760 hourly rows` }] }
  }
  for (let i = 0; i < HEADER_KEYWORDS.length; i++) {
    const first = (lines[i]!.split(',')[0] ?? '').trim().toUpperCase()
    if (first !== HEADER_KEYWORDS[i]) issues.push({ line: i + 1, column: 1, message: `expected the ${HEADER_KEYWORDS[i]} header record, got ${JSON.stringify(first.slice(0, 40))}` })
  }
  if (issues.length > 0) return { ok: false, issues }
  const location = parseLocation(lines[0]!.split(','), 1, issues)
  const designConditions = parseDesignConditions(lines[1]!.split(','))
  // DATA PERIODS, count, records per hour, …: only hourly files.
  const perHour = num(lines[7]!.split(',')[2])
  if (perHour !== 1) issues.push({ line: 8, column: 3, message: `expected 1 record per hour, got ${JSON.stringify(lines[7]!.split(',')[2] ?? '')} (sub-hourly EPW files are not read)` })
  if (!location || issues.length > 0) return { ok: false, issues }

  const rows = lines.length - HEADER_KEYWORDS.length
  const month = new Uint8Array(EPW_HOURS)
  const day = new Uint8Array(EPW_HOURS)
  const hour = new Uint8Array(EPW_HOURS)
  const dryBulbC = new Float64Array(EPW_HOURS)
  const dewPointC = new Float64Array(EPW_HOURS)
  const relativeHumidityPct = new Float64Array(EPW_HOURS)
  const pressurePa = new Float64Array(EPW_HOURS)
  const lineOf = new Int32Array(EPW_HOURS)
  if (rows !== EPW_HOURS && rows !== EPW_HOURS + 24) {
    return { ok: false, issues: [{ line: 0, column: 0, message: `expected 8,760 hourly rows (8,784 in a leap year) after the 8 header lines, got ${rows.toLocaleString('en-US')}` }] }
  }
  let h = 0
  let expectMonth = 1
  let expectDay = 1
  let expectHour = 1
  const add = (issue: WeatherIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue)
  }
  for (let i = HEADER_KEYWORDS.length; i < lines.length && issues.length < MAX_ISSUES; i++) {
    const line = i + 1
    const f = lines[i]!.split(',')
    if (f.length < 10) {
      add({ line, column: 0, message: `expected at least 10 comma-separated fields (year … station pressure), got ${f.length}` })
      continue
    }
    const m = num(f[1])
    const d = num(f[2])
    const hr = num(f[3])
    if (m === 2 && d === 29) {
      if (rows === EPW_HOURS) add({ line, column: 3, message: '29 February in a file of 8,760 rows' })
      continue
    }
    if (m !== expectMonth) add({ line, column: 2, message: `expected month ${expectMonth}, got ${JSON.stringify(f[1])}` })
    else if (d !== expectDay) add({ line, column: 3, message: `expected day ${expectDay} of month ${expectMonth}, got ${JSON.stringify(f[2])}` })
    else if (hr !== expectHour) add({ line, column: 4, message: `expected hour ${expectHour} (1–24), got ${JSON.stringify(f[3])}` })
    const read = (col: number, field: Field, required: boolean): number => {
      const v = num(f[col - 1])
      if (v >= field.missingAtOrAbove) {
        if (required) add({ line, column: col, message: `${field.name} is marked missing (${f[col - 1]}); the year needs every hour's value` })
        return NaN
      }
      if (!(v >= field.min && v <= field.max)) add({ line, column: col, message: `expected the ${field.name} (${field.min} to ${field.max}), got ${JSON.stringify(f[col - 1] ?? '')}` })
      return v
    }
    const db = read(7, DRY_BULB, true)
    const rh = read(9, RH, false)
    const dp = read(8, DEW_POINT, !(rh >= 0))
    const p = read(10, PRESSURE, false)
    if (h < EPW_HOURS) {
      month[h] = m
      day[h] = d
      hour[h] = hr
      dryBulbC[h] = db
      dewPointC[h] = dp
      relativeHumidityPct[h] = rh
      pressurePa[h] = p
      lineOf[h] = line
    }
    h++
    expectHour++
    if (expectHour > 24) {
      expectHour = 1
      expectDay++
      if (expectDay > MONTH_DAYS[expectMonth - 1]!) {
        expectDay = 1
        expectMonth++
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues }
  if (h !== EPW_HOURS) return { ok: false, issues: [{ line: 0, column: 0, message: `expected 8,760 hours, read ${h}` }] }
  return { ok: true, epw: { location, designConditions, month, day, hour, dryBulbC, dewPointC, relativeHumidityPct, pressurePa, line: lineOf } }
}
