import { useRef, type ChangeEvent } from 'react'
import { embedWeather } from '../editor/weatherCommands'
import { selectVariant, useStore } from '../store'

/** Opens the EPW file the scene names and embeds it (an undoable edit): the app then runs on the same
 *  weather as the CLI, which reads the file next to the scene. */
function OpenWeatherButton({ file }: { file: string }) {
  const input = useRef<HTMLInputElement>(null)
  const apply = useStore((s) => s.applyCommand)
  const variantId = useStore((s) => s.variantId)
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0]
    event.target.value = ''
    if (!picked || !variantId) return
    apply(embedWeather(variantId, await picked.text(), file))
  }
  return (
    <p className="small">
      <button type="button" className="button" data-testid="open-weather" onClick={() => input.current?.click()}>
        Open {file}…
      </button>{' '}
      <span className="muted">to run on the scene's weather file</span>
      <input ref={input} type="file" accept=".epw" hidden data-testid="open-weather-input" onChange={onChange} />
    </p>
  )
}

export function VariantSummary() {
  const name = useStore((s) => selectVariant(s)?.name ?? '')
  const description = useStore((s) => selectVariant(s)?.description)
  const climate = useStore((s) => (s.variantId ? s.reports[s.variantId]?.climate : undefined))
  // A scene naming an EPW file by path: the browser cannot read it next to the scene, so ask for it.
  const weatherFile = useStore((s) => (s.scene?.site.weather?.epw === undefined ? s.scene?.site.weather?.file : undefined))
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
      {climate && climate.weather.source !== 'epw' && weatherFile && <OpenWeatherButton file={weatherFile} />}
    </section>
  )
}
