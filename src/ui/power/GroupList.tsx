// Redundancy groups as chips, the ones in trouble first: scheme, members, status; a click selects
// the first member. Long lists (a 2N hall has a group per row and side) fold after a few.
import { useMemo, useState } from 'react'
import type { GroupResult } from '../../solver/report'
import { useStore } from '../../store'
import { STATUS_RANK } from '../labels'
import { StatusDot } from '../StatusDot'

const FIRST = 6

export function GroupList({ groups }: { groups: readonly GroupResult[] }) {
  const select = useStore((s) => s.select)
  const [open, setOpen] = useState(false)
  const sorted = useMemo(
    () => groups.filter((g) => g.members.length > 1 || g.scheme !== 'N').sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]),
    [groups],
  )
  if (sorted.length === 0) return <p className="muted small power-empty">No redundancy groups: every node stands alone (N).</p>
  const shown = open ? sorted : sorted.slice(0, FIRST)
  return (
    <div className="power-block">
      <div className="power-block-title">
        Redundancy groups <span className="num">({sorted.length})</span>
      </div>
      <div className="group-chips" data-testid="power-groups">
        {shown.map((g) => (
          <button
            key={g.id}
            type="button"
            className="group-chip"
            onClick={() => g.members[0] && select(g.members[0])}
            title={`${g.members.join(', ')}${g.critical ? ' — on the IT path' : ''}${g.meetsTier ? '' : ' — below the required tier'}`}
          >
            <StatusDot status={g.status} />
            <span className="ellipsis">{g.id}</span>
            <span className="group-scheme">{g.scheme}</span>
            <span className="muted num">×{g.members.length}</span>
          </button>
        ))}
        {sorted.length > FIRST && (
          <button type="button" className="link-button small" onClick={() => setOpen(!open)}>
            {open ? 'fewer' : `+${sorted.length - FIRST} more`}
          </button>
        )}
      </div>
    </div>
  )
}
