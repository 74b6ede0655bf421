// The diagram's connections: solid A-side feeds, dashed blue B-side feeds, dashed amber generator backup.
import { memo } from 'react'
import { SLD_COLOURS } from '../../viewport/palette'
import type { PlacedLink } from './sldLayout'

const STROKE: Record<PlacedLink['kind'], { stroke: string; dash?: string }> = {
  feed: { stroke: SLD_COLOURS.link },
  feedB: { stroke: SLD_COLOURS.linkB, dash: '6 4' },
  backup: { stroke: SLD_COLOURS.backup, dash: '3 3' },
}

function pathOf(link: PlacedLink): string {
  return link.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('')
}

export const SldLinks = memo(function SldLinks({ links }: { links: readonly PlacedLink[] }) {
  return (
    <g className="sld-links" fill="none">
      {links.map((l) =>
        l.points.length < 2 ? null : (
          <path key={l.id} d={pathOf(l)} stroke={STROKE[l.kind].stroke} strokeDasharray={STROKE[l.kind].dash} strokeWidth={1.4} />
        ),
      )}
    </g>
  )
})
