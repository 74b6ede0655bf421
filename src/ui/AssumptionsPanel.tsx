// The solver parameters the report was computed with: every margin and limit it assumed,
// with what it means. Defaults live in src/model/params.ts with their sources.
import { DEFAULT_PARAMS, PARAM_DOCS, type SolverParams } from '../model/params'
import { selectReport, useStore } from '../store'
import { formatNumber } from './format'

function rows(params: SolverParams): { key: string; label: string; value: string; changed: boolean }[] {
  const out: { key: string; label: string; value: string; changed: boolean }[] = []
  for (const key of Object.keys(PARAM_DOCS) as (keyof SolverParams)[]) {
    const value = params[key]
    const fallback = DEFAULT_PARAMS[key]
    // A calibration override left unset: the catalog's own figure is used.
    if (value === undefined) out.push({ key, label: PARAM_DOCS[key], value: 'catalog', changed: false })
    else if (typeof value === 'number') {
      out.push({ key, label: PARAM_DOCS[key], value: formatNumber(value, 2), changed: value !== fallback })
    } else if (typeof value === 'string') {
      out.push({ key, label: PARAM_DOCS[key], value, changed: value !== fallback })
    } else {
      const defaults = fallback as Record<string, number>
      for (const [scheme, limit] of Object.entries(value)) {
        out.push({ key: `${key}.${scheme}`, label: `${PARAM_DOCS[key]} — ${scheme}`, value: formatNumber(limit, 1), changed: limit !== defaults[scheme] })
      }
    }
  }
  return out
}

export function AssumptionsPanel() {
  const params = useStore((s) => selectReport(s)?.params ?? null)
  if (!params) return null
  const list = rows(params)
  const changed = list.filter((r) => r.changed).length
  return (
    <details className="panel-section assumptions" data-testid="assumptions">
      <summary>
        <h3>Assumptions</h3>
        <span className="muted">{changed > 0 ? `${changed} changed by the scene` : 'defaults'}</span>
      </summary>
      <table className="assumptions-table">
        <tbody>
          {list.map((r) => (
            <tr key={r.key} className={r.changed ? 'changed' : undefined}>
              <td>{r.label}</td>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
