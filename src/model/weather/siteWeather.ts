// `site.weather` in a scene: the site's hourly weather from an EnergyPlus weather file (EPW)
// instead of the catalog climate, which stays as the fallback (`site.climateId` is still required).
// `file` names the EPW relative to the scene file (the CLI reads it and embeds its text); `epw`
// embeds the text itself, so a scene travels with its weather. An embedded file is parsed here, so
// a bad one is refused at load with its line and column.
import '../zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'
import { describeWeatherIssue, parseEpw } from './epw'

/** An EPW file is ≈ 1.6 MB; a little room for long comment lines. */
export const MAX_EPW_CHARS = 8 * 1024 * 1024

export const SiteWeatherSchema = z
  .object({
    /** Path of an EPW file, relative to the scene file. */
    file: z.string().min(1).max(1000).optional(),
    /** The text of an EPW file. */
    epw: z.string().max(MAX_EPW_CHARS).optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.file === undefined && w.epw === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected "file" (an EPW file relative to the scene) or "epw" (its text)' })
      return
    }
    if (w.epw === undefined) return
    const parsed = parseEpw(w.epw)
    if (!parsed.ok) for (const issue of parsed.issues.slice(0, 5)) ctx.addIssue({ code: 'custom', path: ['epw'], message: `expected an EPW file: ${describeWeatherIssue(issue)}` })
  })
export type SiteWeather = z.infer<typeof SiteWeatherSchema>
