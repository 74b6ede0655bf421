// Single-line symbols, drawn in a 24 × 24 cell: IEC 60617 style where there is one (two circles
// for a transformer, a circle with G for a generator, a square breaker for switchgear).
import type { SldBoxKind } from './sldGraph'

const S = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const }

export function SldSymbol({ kind }: { kind: SldBoxKind | 'row' | 'cooling' }) {
  switch (kind) {
    case 'grid': // network infeed: a source circle with the AC wave, bars of the incoming line above
      return (
        <g {...S}>
          <path d="M4 3h16M6 6h12" />
          <circle cx={12} cy={15} r={7} />
          <path d="M7.5 15c1.5-3 3-3 4.5 0s3 3 4.5 0" />
        </g>
      )
    case 'transformer':
      return (
        <g {...S}>
          <circle cx={12} cy={8.5} r={6} />
          <circle cx={12} cy={15.5} r={6} />
        </g>
      )
    case 'generator':
      return (
        <g {...S}>
          <circle cx={12} cy={12} r={9} />
          <text x={12} y={16} textAnchor="middle" fontSize={11} fontWeight={700} fill="currentColor" stroke="none">
            G
          </text>
        </g>
      )
    case 'switchgear': // busbar with two breakers
      return (
        <g {...S}>
          <path d="M2 5h20M7 5v4M17 5v4M7 16v5M17 16v5" />
          <rect x={4} y={9} width={6} height={7} />
          <rect x={14} y={9} width={6} height={7} />
        </g>
      )
    case 'feeder': // one breaker on a line
      return (
        <g {...S}>
          <path d="M12 2v6M12 16v6" />
          <rect x={8} y={8} width={8} height={8} />
          <path d="M8 8l8 8M16 8l-8 8" />
        </g>
      )
    case 'board': // distribution board: busbar and outgoing ways
      return (
        <g {...S}>
          <rect x={3} y={4} width={18} height={16} rx={1.5} />
          <path d="M6 9h12M8 9v7M12 9v7M16 9v7" />
        </g>
      )
    case 'busway':
      return (
        <g {...S}>
          <rect x={2} y={9} width={20} height={6} rx={1} fill="currentColor" fillOpacity={0.35} />
          <path d="M7 15v5M12 15v5M17 15v5" />
        </g>
      )
    case 'pdu':
    case 'pdus':
      return (
        <g {...S}>
          <rect x={8} y={2} width={8} height={20} rx={1.5} />
          <circle cx={12} cy={7} r={1} fill="currentColor" />
          <circle cx={12} cy={12} r={1} fill="currentColor" />
          <circle cx={12} cy={17} r={1} fill="currentColor" />
        </g>
      )
    case 'ups': // rectifier/inverter box: AC ~ over DC =
      return (
        <g {...S}>
          <rect x={3} y={3} width={18} height={18} rx={1.5} />
          <path d="M3 21L21 3M5.5 8.5c1-1.8 2-1.8 3 0s2 1.8 3 0M13 16h6M13 18.5h6" />
        </g>
      )
    case 'loads':
      return null
    case 'row': // a rack front with shelves
      return (
        <g {...S}>
          <rect x={6} y={2} width={12} height={20} rx={1} />
          <path d="M6 7h12M6 12h12M6 17h12" />
        </g>
      )
    case 'cooling': // fan
      return (
        <g {...S}>
          <circle cx={12} cy={12} r={9} />
          <path d="M12 12c0-4 2-6 4-5M12 12c4 0 6 2 5 4M12 12c0 4-2 6-4 5M12 12c-4 0-6-2-5-4" />
        </g>
      )
  }
}
