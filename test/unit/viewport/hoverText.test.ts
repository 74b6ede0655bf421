// The hover label reads its figures from the solver's report: a row's devices, power and hottest
// inlet; a transformer's rating and loading; a fan's part of the hall's airflow.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver/solve'
import { hoverText } from '../../../src/viewport/hoverText'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scene invalid')
const scene = parsed.scene
const variant = scene.variants[0]!
const report = solveVariant(scene, variant.id, catalog)

describe('hoverText', () => {
  it('names a row with its device count, power and inlet from the report', () => {
    const row = report.rows.find((r) => r.id === 'row-1.6')!
    const t = hoverText('row-1.6', variant, report, catalog)!
    expect(t.title).toBe('Row 1.6')
    // 27 shelves × 20 Antminer S21 = 540 devices.
    expect(t.figures[0]).toBe(`${row.deviceCount} × Antminer S21`)
    expect(row.deviceCount).toBe(540)
    expect(t.figures[1]).toBe(`${Math.round(row.rowKW).toLocaleString('en-US')} kW`)
    expect(t.figures[2]).toBe(`inlet ${row.inletC.toFixed(1)} °C (2-D plan field)`) // the model that made it, as every view says
  })

  it('names a transformer with its rating and loading', () => {
    const node = report.nodes.find((n) => n.id === 'T-1.1')!
    const t = hoverText('T-1.1', variant, report, catalog)!
    expect(t.figures[0]).toBe('2,500 kVA')
    expect(t.figures[1]).toBe(`${Math.round(node.utilisation! * 100)} %`)
  })

  it('gives a fan bank its hall’s airflow, and says "not solved yet" without a report', () => {
    const fans = variant.halls[0]!.cooling.find((c) => c.modelId === 'exhaust-fan-50in')!
    const hall = report.halls[0]!
    const t = hoverText(fans.id, variant, report, catalog)!
    expect(t.figures.join(' · ')).toContain(`hall air ${Math.round(hall.airflowSuppliedM3s).toLocaleString('en-US')} of ${Math.round(hall.airflowNeededM3s).toLocaleString('en-US')} m³/s`)
    expect(hoverText('row-1.6', variant, null, catalog)!.figures).toContain('not solved yet')
    expect(hoverText('nothing', variant, report, catalog)).toBeNull()
  })
})
