// The diagram's wires: grey on the A side and where both sides meet, blue on the B side, the
// second cord of a dual-corded load dashed blue, a generator's backup dashed amber, a standby
// supply behind a transfer switch dotted (focus mode only).
import { memo } from 'react'
import type { PlacedLink } from './sldLayout'
import type { Side } from './sldGraph'

export interface WireProps {
  links: readonly PlacedLink[]
  sideOf: ReadonlyMap<string, Side | null>
}

function pathOf(link: PlacedLink): string {
  return link.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('')
}

export const SldLinks = memo(function SldLinks({ links, sideOf }: WireProps) {
  return (
    <g className="sld-links">
      {links.map((l) =>
        l.points.length < 2 ? null : (
          <path
            key={l.id}
            d={pathOf(l)}
            data-link={l.id}
            className={`sld-wire kind-${l.kind}${sideOf.get(l.source) === 'B' && l.kind === 'feed' ? ' side-B' : ''}`}
          />
        ),
      )}
    </g>
  )
})
