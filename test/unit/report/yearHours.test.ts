// The side panel's "Hours over limit" of the typical year is the worst year check's figure: never
// a sum over halls or over inlet and coolant that counts one hour twice (and exceeds a year).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver/solve'
import { yearHoursOverLimit } from '../../../src/report/yearHours'

const catalog = builtInCatalog()
const raw = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as { site: { climateId: string } }
raw.site.climateId = 'abu-dhabi' // hot: the GB200 hall without a plant fails inlet hours and coolant hours
const parsed = parseSceneText(JSON.stringify(raw), catalog)
if (!parsed.ok) throw new Error('the scene does not parse')
const report = solveVariant(parsed.scene, 'gpu-gb200-no-plant', catalog)

describe('hours over limit in the typical year', () => {
  it('is the worst year check, within a year, when inlet and coolant both fail', () => {
    const year = report.checks.filter((c) => c.kind === 'year.inlet' || c.kind === 'year.coolant')
    expect(year.filter((c) => c.status === 'fail').map((c) => c.kind).sort()).toEqual(['year.coolant', 'year.inlet'])
    const h = yearHoursOverLimit(report.checks)
    expect(h.worstH).toBe(Math.max(...year.map((c) => c.value ?? 0)))
    expect(h.worstH).toBeLessThanOrEqual(8760)
    // the inlet hours and the coolant hours are both > 0: their sum would pass a year
    const hall = report.year!.halls[0]!
    expect(hall.hoursInletAboveAllowable + hall.hoursCoolantAboveMax + hall.hoursLiquidShort).toBeGreaterThan(8760)
    expect(h.checks).toHaveLength(year.length)
  })

  it('is null without a year check', () => {
    expect(yearHoursOverLimit([]).worstH).toBeNull()
  })
})
