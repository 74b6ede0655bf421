// Issue 12, point 6: every report says which airflow model made its inlet figures — the report
// field (set by the solver in one place), the CLI table, Markdown and JSON, and the HTML report.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { INLET_MODEL_2D } from '../../../src/solver/report'
import { formatTable } from '../../../src/cli/format/table'
import { formatMarkdown } from '../../../src/cli/format/markdown'
import { buildReportHtml } from '../../../src/report'

const catalog = builtInCatalog()
const parsed = parseScene(JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')), catalog)
if (!parsed.ok) throw new Error('default scene does not parse')
const scene = parsed.scene

describe('the model behind the inlet figures', () => {
  const report = solveVariant(scene, 'gpu-h100-air', catalog)

  it('is the 2-D plan field today, in the report and its JSON', () => {
    expect(report.inletModel).toEqual({ id: 'plan-2d', name: '2-D plan field' })
    expect(JSON.parse(JSON.stringify(report)).inletModel.id).toBe('plan-2d')
  })

  it('is named in the table, the Markdown and the HTML report', () => {
    expect(formatTable(report)).toContain('Inlet air from the 2-D plan field (model plan-2d)')
    expect(formatMarkdown(report)).toContain('Inlet air from the 2-D plan field')
    const html = buildReportHtml({ scene, reports: [report], catalog })
    expect(html).toContain('data-inlet-model="plan-2d"')
    expect(html).toContain(`from the ${INLET_MODEL_2D.name}.`)
  })

  it('follows the field, not a copy: another model name shows up as given', () => {
    const other = { ...report, inletModel: { id: 'ffd-3d' as const, name: '3-D FFD model' } }
    expect(formatTable(other)).toContain('Inlet air from the 3-D FFD model (model ffd-3d)')
    expect(buildReportHtml({ scene, reports: [other], catalog })).toContain('data-inlet-model="ffd-3d"')
  })
})
