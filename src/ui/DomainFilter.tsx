// Chips that filter the checks table by domain, each with its count and worst status.
import type { Check, CheckDomain, CheckStatus } from '../solver/report'
import { DOMAIN_LABELS, DOMAIN_ORDER, STATUS_RANK } from './labels'

export interface DomainFilterProps {
  checks: readonly Check[]
  value: CheckDomain | 'all'
  onChange: (value: CheckDomain | 'all') => void
}

export function DomainFilter({ checks, value, onChange }: DomainFilterProps) {
  const worst = new Map<CheckDomain, CheckStatus>()
  const counts = new Map<CheckDomain, number>()
  for (const c of checks) {
    counts.set(c.domain, (counts.get(c.domain) ?? 0) + 1)
    const w = worst.get(c.domain)
    if (!w || STATUS_RANK[c.status] < STATUS_RANK[w]) worst.set(c.domain, c.status)
  }
  const domains = DOMAIN_ORDER.filter((d) => counts.has(d))
  return (
    <div className="chips" role="radiogroup" aria-label="Filter checks by domain">
      <button type="button" className={value === 'all' ? 'chip active' : 'chip'} onClick={() => onChange('all')} data-testid="domain-all">
        All <span className="chip-count">{checks.length}</span>
      </button>
      {domains.map((d) => (
        <button
          key={d}
          type="button"
          className={`chip chip-${worst.get(d) ?? 'ok'}${value === d ? ' active' : ''}`}
          onClick={() => onChange(value === d ? 'all' : d)}
          data-testid={`domain-${d}`}
        >
          {DOMAIN_LABELS[d]} <span className="chip-count">{counts.get(d)}</span>
        </button>
      ))}
    </div>
  )
}
