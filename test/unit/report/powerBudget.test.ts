// The report's power budget by level writes each level's worst loading: it is the loading its
// checks judged (a transformer's delivered power against its rating), not what the transformer
// draws with its own losses.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver/solve'
import { powerBudget } from '../../../src/report'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scenes/siberia-20mw.json does not parse')
const report = solveVariant(parsed.scene, 'gpu-h100-rear-door', catalog, { year: false })

describe('power budget by level', () => {
  const levels = powerBudget(report)
  const level = (label: string) => {
    const l = levels.find((x) => x.label === label)
    if (!l) throw new Error(`no level ${label}`)
    return l
  }

  it('a level’s worst loading is the highest ratio of its load checks', () => {
    const cases: [string, string[]][] = [
      ['Unit transformers', report.nodes.filter((n) => n.kind === 'transformer' && !n.id.startsWith('ST')).map((n) => n.id)],
      ['Substation transformers', ['ST-1', 'ST-2']],
      ['LV boards', report.nodes.filter((n) => n.kind === 'board').map((n) => n.id)],
    ]
    for (const [label, ids] of cases) {
      const ratios = report.checks.filter((c) => c.kind === 'power.load' && ids.includes(c.subjectId)).map((c) => c.ratio ?? 0)
      expect(ratios.length).toBe(ids.length)
      expect(level(label).worstUtilisation).toBeCloseTo(Math.max(...ratios), 12)
    }
  })

  it('a level’s load is the sum of its load checks’ values (what the transformers deliver)', () => {
    const st = report.checks.filter((c) => c.kind === 'power.load' && c.subjectId.startsWith('ST-'))
    expect(level('Substation transformers').loadKVA).toBeCloseTo(st.reduce((s, c) => s + (c.value ?? 0), 0), 6)
    // and that is less than what they draw: their own losses are not their load
    const drawn = report.nodes.filter((n) => n.id.startsWith('ST-')).reduce((s, n) => s + n.loadKVA, 0)
    expect(level('Substation transformers').loadKVA).toBeLessThan(drawn)
  })
})
