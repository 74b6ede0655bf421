// How the autosave UI writes times and sizes.
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }

/** "12 Mar 2025, 14:03:09" in the user's locale; "unknown" when the time is not readable. */
export function formatWhen(iso: string | null): string {
  if (!iso) return 'unknown'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? 'unknown' : d.toLocaleString(undefined, DATE_TIME)
}

/** Characters of stored text as a size (browsers count the quota in UTF-16 units, about 2 bytes each). */
export function formatChars(chars: number): string {
  const bytes = chars * 2
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
