// Escaping for text that comes from a scene file (names, descriptions, captions) or the solver:
// every string put into the report's HTML goes through one of these, so a scene can never inject
// markup or script into the report.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
}

/** Text content and attribute values (quoted with " or '). */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c)
}

/** A tagged template whose interpolations are escaped; nest already-built HTML with `raw()`. */
export interface RawHtml {
  readonly __html: string
}

export const raw = (html: string): RawHtml => ({ __html: html })

type Part = string | number | RawHtml | null | undefined | false | readonly Part[]

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return ''
  if (Array.isArray(value)) return value.map((v) => part(v as Part)).join('')
  if (typeof value === 'object') return (value as RawHtml).__html
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: Part[]): RawHtml {
  let out = strings[0] ?? ''
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '')
  })
  return raw(out)
}

/** Only images the app captured itself: a base64 PNG or JPEG data URL, nothing else. */
export function safeImageDataUrl(url: string): string | null {
  return /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(url) ? url : null
}
