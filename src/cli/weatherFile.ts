// The CLI reads the EPW file a scene's site names (site.weather.file, relative to the scene file)
// or that --weather gives, and embeds it in the scene (model/weather/embed.ts): the solver reads
// no files. A bad EPW is bad input (exit 2) with its line and column.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Scene } from '../model/sceneSchema'
import { embedSiteWeather } from '../model/weather/embed'
import { MAX_EPW_CHARS } from '../model/weather/siteWeather'
import { CliInputError, STDIN } from './io'

/** Reads an EPW file and embeds it; `label` is how the report names it. */
export function embedWeatherFile(scene: Scene, path: string, label: string): Scene {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliInputError(`${label}: ${code === 'ENOENT' ? 'no such EPW file' : `cannot read the EPW file (${code ?? (e as Error).message})`}`)
  }
  if (text.length > MAX_EPW_CHARS) throw new CliInputError(`${label}: too large for an EPW file (more than ${MAX_EPW_CHARS / 1024 / 1024} MB)`)
  const embedded = embedSiteWeather(scene, text, label)
  if (!embedded.ok) throw new CliInputError(`${label}: not a readable EPW weather file`, embedded.messages.map((message) => ({ path: 'site.weather.file', message })))
  return embedded.scene
}

/** A scene whose site names an EPW file but does not embed it: the file, read relative to the scene. */
export function loadSiteWeather(scene: Scene, scenePath: string): Scene {
  const w = scene.site.weather
  if (!w || w.file === undefined || w.epw !== undefined) return scene
  const base = scenePath === STDIN ? process.cwd() : dirname(scenePath)
  return embedWeatherFile(scene, resolve(base, w.file), w.file)
}
