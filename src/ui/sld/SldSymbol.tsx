// Single-line symbols, centred on the wire (the origin), the wire entering at y = −18 and leaving
// at y = +18: IEC 60617 style where there is one — two circles for a transformer, a circle with G
// for a generator, M for a motor load (fans, pumps, CDUs), a square for a circuit breaker.
import type { SldElementKind } from './sldGraph'

const S = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const }
export const SYMBOL_HALF_PX = 18

export function SldSymbol({ kind }: { kind: SldElementKind }) {
  switch (kind) {
    case 'grid': // network infeed: a hatched box over the incoming line
      return (
        <g {...S}>
          <rect x={-13} y={-17} width={26} height={18} />
          <path d="M-13 -17L13 1M13 -17L-13 1M0 1V18" />
        </g>
      )
    case 'transformer':
      return (
        <g {...S}>
          <path d="M0 -18V-16.5M0 16.5V18" />
          <circle cx={0} cy={-7} r={9.5} />
          <circle cx={0} cy={7} r={9.5} />
        </g>
      )
    case 'generator':
      return (
        <g {...S}>
          <circle cx={0} cy={0} r={12} />
          <path d="M0 12V18" />
          <text x={0} y={4.5} textAnchor="middle" fontSize={13} fontWeight={700} fill="currentColor" stroke="none">
            G
          </text>
        </g>
      )
    case 'ups': // rectifier/inverter: AC ~ over DC =, split by a diagonal
      return (
        <g {...S}>
          <path d="M0 -18V-12M0 12V18" />
          <rect x={-12} y={-12} width={24} height={24} />
          <path d="M-12 12L12 -12M-9 -5c1.5 -2.5 3 -2.5 4.5 0s3 2.5 4.5 0M2 5h7M2 8h7" />
        </g>
      )
    case 'feeder': // a cable feeder: its breaker
    case 'switchgear':
    case 'board':
    case 'busway':
      return (
        <g {...S}>
          <path d="M0 -18V-6M0 6V18" />
          <rect x={-6} y={-6} width={12} height={12} />
        </g>
      )
    case 'pdu':
      return (
        <g {...S}>
          <path d="M0 -18V-11M0 11V18" />
          <rect x={-7} y={-11} width={14} height={22} rx={1.5} />
          <path d="M-3 -5h6M-3 0h6M-3 5h6" />
        </g>
      )
    case 'row': // a rack front with shelves
      return (
        <g {...S}>
          <rect x={-10} y={-14} width={20} height={28} rx={1.5} />
          <path d="M-10 -7h20M-10 0h20M-10 7h20" />
        </g>
      )
    case 'cooling': // a motor load
      return (
        <g {...S}>
          <circle cx={0} cy={0} r={11} />
          <text x={0} y={4.5} textAnchor="middle" fontSize={12} fontWeight={700} fill="currentColor" stroke="none">
            M
          </text>
        </g>
      )
  }
}

/** A circuit breaker on a vertical wire, centred at (x, y). */
export function Breaker({ x, y, horizontal = false }: { x: number; y: number; horizontal?: boolean }) {
  return <rect className="sld-breaker" x={x - (horizontal ? 5 : 4.5)} y={y - (horizontal ? 4.5 : 5)} width={horizontal ? 10 : 9} height={horizontal ? 9 : 10} />
}
