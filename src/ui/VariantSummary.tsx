import { selectVariant, useStore } from '../store'

export function VariantSummary() {
  const name = useStore((s) => selectVariant(s)?.name ?? '')
  const description = useStore((s) => selectVariant(s)?.description)
  const climate = useStore((s) => (s.variantId ? s.reports[s.variantId]?.climate : undefined))
  return (
    <section className="panel-section variant-summary">
      <div className="section-head">
        <h2>{name}</h2>
      </div>
      {description && <p className="description">{description}</p>}
      {climate && (
        <p className="muted small num" data-testid="weather-in-use" data-source={climate.weather.source} title={climate.weather.note}>
          {climate.weather.source === 'epw' ? 'EPW weather: ' : 'Catalog climate: '}
          {climate.name} · design {climate.designDryBulbC.toFixed(1)} °C dry / {climate.designWetBulbC.toFixed(1)} °C wet bulb
          {/not loaded|could not be read/.test(climate.weather.note) && <> · {climate.weather.note.replace(/^[^(]*\(|\)$/g, '')}</>}
        </p>
      )}
    </section>
  )
}
