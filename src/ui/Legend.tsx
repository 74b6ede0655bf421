// What the colours in the 3D view mean under the current colour mode.
import { useStore } from '../store'

interface Entry {
  swatch: string
  label: string
}

const KIND: Entry[] = [
  { swatch: 'var(--asic)', label: 'ASIC miners' },
  { swatch: 'var(--gpu)', label: 'GPU servers' },
  { swatch: 'var(--cooling)', label: 'Exhaust fans' },
  { swatch: 'var(--pads)', label: 'Evaporative pads' },
  { swatch: 'var(--liquid)', label: 'Liquid plant' },
  { swatch: 'var(--power)', label: 'Transformers' },
]

const STATUS: Entry[] = [
  { swatch: 'var(--ok)', label: 'OK' },
  { swatch: 'var(--warn)', label: 'Warning' },
  { swatch: 'var(--fail)', label: 'Fails' },
  { swatch: 'var(--none)', label: 'No check' },
]

export function Legend() {
  const mode = useStore((s) => s.colourMode)
  const entries = mode === 'kind' ? KIND : STATUS
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-title">{mode === 'kind' ? 'Equipment' : 'Row / unit status'}</div>
      {entries.map((e) => (
        <div key={e.label} className="legend-entry">
          <span className="swatch" style={{ background: e.swatch }} />
          {e.label}
        </div>
      ))}
    </div>
  )
}
