// Names the selected thing over the 3D view, with its row figures when it is a row.
import { selectReport, selectVariant, useStore } from '../store'
import { formatNumber } from './format'
import { StatusDot } from './StatusDot'
import { nodeLoadKVA } from '../report/nodeLoad'

export function SelectionInfo() {
  const selectedId = useStore((s) => s.selectedId)
  const variant = useStore(selectVariant)
  const row = useStore((s) => selectReport(s)?.rows.find((r) => r.id === s.selectedId) ?? null)
  const inletModel = useStore((s) => selectReport(s)?.inletModel.name ?? null)
  const nodeResult = useStore((s) => selectReport(s)?.nodes.find((n) => n.id === s.selectedId) ?? null)
  // The load its rating and its check judge (a transformer's delivered power), beside its %.
  const nodeLoad = useStore((s) => {
    const r = selectReport(s)
    const n = r?.nodes.find((x) => x.id === s.selectedId)
    return r && n ? nodeLoadKVA(r, n) : null
  })
  const select = useStore((s) => s.select)
  if (!selectedId || !variant) return null
  const hall = variant.halls.find((h) => h.id === selectedId)
  const unit = variant.halls.flatMap((h) => h.cooling).find((c) => c.id === selectedId)
  const node = variant.power.find((n) => n.id === selectedId)
  const name = row?.name ?? hall?.name ?? node?.name ?? unit?.id ?? selectedId
  const kind = row ? 'Row' : hall ? 'Hall' : node ? node.kind : unit ? 'Cooling' : ''
  return (
    <div className="selection-info" data-testid="selection-info">
      <span className="selection-kind">{kind}</span>
      <strong>{name}</strong>
      {row && (
        <span className="num muted">
          <StatusDot status={row.status} /> {formatNumber(row.rackCount, 0)} racks · {formatNumber(row.rowKW, 0)} kW ·{' '}
          {formatNumber(row.densityKWPerM, 1)} kW/m · inlet {formatNumber(row.inletC, 1)} °C{inletModel && ` (${inletModel})`}
        </span>
      )}
      {nodeResult && (
        <span className="num muted">
          {formatNumber(nodeLoad ?? nodeResult.loadKVA, 0)}
          {nodeResult.ratingKVA !== null && ` / ${formatNumber(nodeResult.ratingKVA, 0)}`} kVA
          {nodeResult.utilisation !== null && ` · ${formatNumber(nodeResult.utilisation * 100, 0)} %`}
          {nodeResult.contingencyUtilisation != null && ` · N-1 ${formatNumber(nodeResult.contingencyUtilisation * 100, 0)} %`}
          {nodeResult.scheme && nodeResult.scheme !== 'N' && ` · ${nodeResult.scheme} ${nodeResult.group}`}
        </span>
      )}
      <button type="button" className="icon-button" onClick={() => select(null)} aria-label="Clear selection" title="Clear selection">
        ×
      </button>
    </div>
  )
}
