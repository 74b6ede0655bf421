// The site's weather file as an edit: a scene that names an EPW file the app could not read (a
// browser cannot open a path next to the scene) gets the file the user picks embedded in it, so the
// app runs on the same weather as the CLI. Undo puts back the site's weather as it was.
import type { SiteWeather } from '../model/weather/siteWeather'
import { embedSiteWeather } from '../model/weather/embed'
import type { Command } from './command'

/** Embeds `text` (an EPW file named `label`) as the site's weather. Throws with the file's first
 *  problems (line and column) when it is not a readable EPW file; applyCommand shows the message. */
export function embedWeather(variantId: string, text: string, label: string): Command {
  let before: SiteWeather | undefined
  return {
    type: 'EmbedWeather',
    label: `Load weather ${label}`,
    variantId,
    execute(scene) {
      before = scene.site.weather
      const embedded = embedSiteWeather(scene, text, label)
      if (!embedded.ok) throw new Error(embedded.messages.slice(0, 3).join('; '))
      return embedded.scene
    },
    undo(scene) {
      const { weather: _drop, ...site } = scene.site
      return { ...scene, site: before === undefined ? site : { ...site, weather: before } }
    },
  }
}
