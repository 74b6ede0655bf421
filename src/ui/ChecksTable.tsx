// Every check of the current variant: failing first, then warnings, then the rest, tightest first.
// A domain filter narrows the list; clicking a check selects its subject in the 3D view.
import { useMemo, useState } from 'react'
import type { Check, CheckDomain } from '../solver/report'
import { selectReport, useStore } from '../store'
import { DomainFilter } from './DomainFilter'
import { formatValue } from './format'
import { STATUS_RANK } from './labels'
import { StatusDot } from './StatusDot'

const EMPTY: readonly Check[] = []

function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.ratio - a.ratio)
}

export function ChecksTable() {
  const checks = useStore((s) => selectReport(s)?.checks ?? EMPTY)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  const [domain, setDomain] = useState<CheckDomain | 'all'>('all')
  const sorted = useMemo(() => sortChecks(checks), [checks])
  const shown = domain === 'all' ? sorted : sorted.filter((c) => c.domain === domain)

  return (
    <section className="panel-section checks-section">
      <div className="section-head">
        <h3>Checks</h3>
        <span className="muted num">
          {shown.length} of {checks.length}
        </span>
      </div>
      <DomainFilter checks={checks} value={domain} onChange={setDomain} />
      <div className="checks-scroll">
        <table className="checks" data-testid="checks">
          <colgroup>
            <col className="c-dot" />
            <col className="c-title" />
            <col className="c-subject" />
            <col className="c-num" />
            <col className="c-num" />
            <col className="c-unit" />
          </colgroup>
          <thead>
            <tr>
              <th aria-label="Status" />
              <th>Check</th>
              <th>Subject</th>
              <th className="num">Value</th>
              <th className="num">Limit</th>
              <th>Unit</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr
                key={c.id}
                data-status={c.status}
                data-check-id={c.id}
                className={c.subjectId === selectedId ? 'selected' : undefined}
                onClick={() => select(c.subjectId === selectedId ? null : c.subjectId)}
                title={c.note ?? `${c.title}: ${c.subject}`}
              >
                <td>
                  <StatusDot status={c.status} />
                </td>
                <td className="ellipsis">{c.title}</td>
                <td className="ellipsis muted">{c.subject}</td>
                <td className="num">{formatValue(c.value, c.unit)}</td>
                <td className="num muted">
                  {c.sense === 'min' ? '≥ ' : '≤ '}
                  {formatValue(c.limit, c.unit)}
                </td>
                <td className="unit">{c.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">No checks{domain === 'all' ? '' : ' in this domain'}.</p>}
      </div>
    </section>
  )
}
