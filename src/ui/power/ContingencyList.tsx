// The N-1 cases that fail (or warn): what is lost and what overloads, at what loading.
// A click selects the worst overloaded node (or the lost one when nothing overloads).
import { useMemo } from 'react'
import type { ContingencyResult, GroupResult } from '../../solver/report'
import { useStore } from '../../store'
import { formatNumber } from '../format'
import { StatusDot } from '../StatusDot'
import { ShowMore } from './ShowMore'

const pct = (u: number) => `${formatNumber(u * 100, 0)} %`

export function ContingencyList({ groups, names }: { groups: readonly GroupResult[]; names: ReadonlyMap<string, string> }) {
  const select = useStore((s) => s.select)
  const cases = useMemo(() => {
    const all: ContingencyResult[] = groups.flatMap((g) => g.contingencies ?? []).filter((c) => c.status !== 'ok')
    return all.sort((a, b) => (a.status === b.status ? (b.worst?.utilisation ?? 0) - (a.worst?.utilisation ?? 0) : a.status === 'fail' ? -1 : 1))
  }, [groups])
  if (cases.length === 0) return null
  const fails = cases.filter((c) => c.status === 'fail').length
  const warns = cases.length - fails
  const describe = (c: ContingencyResult) => {
    const lost = c.lost.map((id) => names.get(id) ?? id).join(' + ')
    const hit = c.overloaded.map((o) => `${o.name} ${pct(o.utilisation)}`).join(', ')
    return `Loss of ${lost}${hit ? `: ${hit}` : c.worst ? `: worst ${c.worst.name} ${pct(c.worst.utilisation)}` : ''}${
      c.deEnergisedRows.length ? `; rows without power: ${c.deEnergisedRows.join(', ')}` : ''
    }`
  }
  return (
    <div className="power-block">
      <div className="power-block-title">
        N-1 cases: {fails > 0 && <span className="text-fail">{fails} fail</span>}
        {fails > 0 && warns > 0 && ' · '}
        {warns > 0 && <span className="text-warn">{warns} over the margin</span>}
      </div>
      <ul className="power-list" data-testid="power-contingencies">
        <ShowMore
          items={cases}
          first={3}
          render={(c) => {
            const over = c.overloaded[0]
            const target = over?.nodeId ?? c.worst?.nodeId ?? c.lost[0]
            return (
              <li key={c.id}>
                <button type="button" className="power-row" onClick={() => target && select(target)} title={describe(c)}>
                  <StatusDot status={c.status} />
                  <span className="power-row-text ellipsis">
                    <span className="muted">lose </span>
                    {c.lost.join(' + ')}
                    <span className="muted"> → </span>
                    {over ? (
                      <>
                        {over.nodeId} <strong className="num text-fail">{pct(over.utilisation)}</strong>
                        {c.overloaded.length > 1 && <span className="muted"> +{c.overloaded.length - 1}</span>}
                      </>
                    ) : c.worst ? (
                      <>
                        {c.worst.nodeId} <strong className={`num text-${c.status}`}>{pct(c.worst.utilisation)}</strong>
                      </>
                    ) : null}
                    {c.deEnergisedRows.length > 0 && <span className="text-fail"> · {c.deEnergisedRows.length} rows lose power</span>}
                  </span>
                </button>
              </li>
            )
          }}
        />
      </ul>
    </div>
  )
}
