// Every check of the current variant in the solver's order: the binding one first, then by how far
// past its limit; identical failures are one line ("11 × …"). A domain filter narrows the list;
// clicking a check selects its subject in the 3D view.
import { useMemo, useState } from 'react'
import type { Check, CheckDomain } from '../solver/report'
import { selectReport, useStore } from '../store'
import { DomainFilter } from './DomainFilter'
import { groupChecks } from '../solver/check'
import { checkLimitText, checkValueText, groupSubjectText } from '../report/format'
import { StatusDot } from './StatusDot'

const EMPTY: readonly Check[] = []

export function ChecksTable() {
  const checks = useStore((s) => selectReport(s)?.checks ?? EMPTY)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  const [domain, setDomain] = useState<CheckDomain | 'all'>('all')
  const groups = useMemo(() => groupChecks(checks), [checks])
  const shown = domain === 'all' ? groups : groups.filter((g) => g.lead.domain === domain)

  return (
    <section className="panel-section checks-section">
      <div className="section-head">
        <h3>Checks</h3>
        <span className="muted num">
          {shown.reduce((n, g) => n + g.checks.length, 0)} of {checks.length}
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
            {shown.map(({ lead: c, checks: members }) => (
              <tr
                key={c.id}
                data-status={c.status}
                data-check-id={c.id}
                data-count={members.length}
                className={c.subjectId === selectedId ? 'selected' : undefined}
                onClick={() => select(c.subjectId === selectedId ? null : c.subjectId)}
                title={c.note ?? `${c.title}: ${c.subject}`}
              >
                <td>
                  <StatusDot status={c.status} />
                </td>
                <td className="ellipsis">{c.title}</td>
                <td className="ellipsis muted">{groupSubjectText({ lead: c, checks: members })}</td>
                <td className="num">{checkValueText(c)}</td>
                <td className="num muted">{checkLimitText(c)}</td>
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
