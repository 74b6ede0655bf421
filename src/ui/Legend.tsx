// What the colours mean under the 3-D view's colour mode (the single-line diagram draws its own,
// inside its SVG). By kind, it names every kind of equipment the view draws for the current variant.
import { useMemo } from 'react'
import { builtInCatalog } from '../model/catalog'
import { selectReport, selectVariant, useStore } from '../store'
import { drawnKinds } from '../viewport/legendKinds'
import { UTILISATION_COLOURS as U } from '../viewport/palette'
import { buildSceneLayout } from '../viewport/sceneLayout'
import { formatNumber } from './format'

interface Entry {
  swatch: string
  label: string
}

const STATUS: Entry[] = [
  { swatch: 'var(--ok)', label: 'OK' },
  { swatch: 'var(--warn)', label: 'Warning' },
  { swatch: 'var(--fail)', label: 'Fails' },
  { swatch: 'var(--none)', label: 'No check' },
]

function utilisation(margin: number): Entry[] {
  const m = `${formatNumber(margin * 100, 0)} %`
  return [
    { swatch: `linear-gradient(90deg, ${U.okLow}, ${U.ok})`, label: `≤ ${m} of rating` },
    { swatch: `linear-gradient(90deg, ${U.warnLow}, ${U.warn})`, label: `${m} – 100 %` },
    { swatch: `linear-gradient(90deg, ${U.fail}, ${U.failHigh})`, label: 'over 100 %' },
    { swatch: 'var(--none)', label: 'Unrated' },
  ]
}

const TWO_COLUMNS = { gridTemplateColumns: 'auto auto', columnGap: 14 } as const

export function Legend() {
  const mode = useStore((s) => s.colourMode)
  const sld = useStore((s) => s.mainView === 'sld')
  const margin = useStore((s) => selectReport(s)?.params.continuousLoadFraction ?? 0.8)
  const variant = useStore(selectVariant)
  const kinds = useMemo(() => (variant ? drawnKinds(buildSceneLayout(variant, builtInCatalog())) : []), [variant])
  if (sld) return null
  const byUtilisation = mode === 'utilisation'
  // Under 'temperature' racks follow the thermal legend; equipment keeps its kind colours.
  const byKind = mode === 'kind' || mode === 'temperature'
  const kindEntries: Entry[] = kinds.filter((k) => mode === 'kind' || !k.rack).map((k) => ({ swatch: k.colour, label: k.label }))
  const entries = byUtilisation ? utilisation(margin) : byKind ? kindEntries : STATUS
  const title = byUtilisation ? 'Equipment load / rating' : mode === 'kind' || mode === 'temperature' ? 'Equipment' : 'Row / unit status'
  return (
    <div className="legend" data-testid="legend" style={!byUtilisation && byKind && entries.length > 8 ? TWO_COLUMNS : undefined}>
      <div className="legend-title" style={{ gridColumn: '1 / -1' }}>
        {title}
      </div>
      {entries.map((e) => (
        <div key={e.label} className="legend-entry" data-testid="legend-entry">
          <span className="swatch" style={{ background: e.swatch }} />
          {e.label}
        </div>
      ))}
      {byUtilisation && <div className="legend-note muted">Racks: their feed</div>}
    </div>
  )
}
