// A scene whose site names an EPW file gets the file's text embedded (site.weather.epw), so the
// solver, which reads no files, runs on it. The caller reads the file; this checks and embeds.
import type { Scene } from '../sceneSchema'
import { describeWeatherIssue, parseEpw } from './epw'

export type EmbedResult = { ok: true; scene: Scene } | { ok: false; messages: string[] }

/** The scene with `text` as its site's EPW; `label` names the file in the report. */
export function embedSiteWeather(scene: Scene, text: string, label: string): EmbedResult {
  const parsed = parseEpw(text)
  if (!parsed.ok) return { ok: false, messages: parsed.issues.map((i) => `${label}: ${describeWeatherIssue(i)}`) }
  return { ok: true, scene: { ...scene, site: { ...scene.site, weather: { file: label, epw: text } } } }
}
