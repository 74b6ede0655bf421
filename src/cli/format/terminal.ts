// What the CLI may print. Scene text (names, ids) and error snippets come from a file anyone can
// write: an escape sequence in a row name could clear the screen, retitle the window or hide a
// line, and a newline in it could forge a line of the report ("Verdict  OK").

/** ANSI escape sequences, 7-bit and 8-bit: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings up to BEL
 *  or ST, and the two-character ESC x forms (ECMA-48). */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that can
 *  make a terminal show text in another order than it is ("Trojan Source", CVE-2021-42574). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Any line break: CR, LF, VT, FF, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g

/** Text safe to write to a terminal: escape sequences and control characters removed; tab and
 *  newline kept (the CLI's own layout). */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '')
}

/** One line of text from a scene: line breaks and tabs become spaces, controls go. */
export function oneLine(text: string): string {
  return stripControls(text.replace(LINE_BREAK, ' ')).replace(/\t/g, ' ')
}

/** A copy of a value (a report) with every string in it made `oneLine`: what the text formats
 *  print, so no name can break a line or carry an escape sequence, whichever field shows it. */
export function singleLineStrings<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T
  if (Array.isArray(value)) return value.map(singleLineStrings) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = singleLineStrings(v)
    return out as T
  }
  return value
}

/** Characters JSON.stringify leaves raw that a terminal may still act on: DEL, C1, line and
 *  paragraph separators, bidirectional overrides. */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** JSON for stdout: the same value as JSON.stringify, with every control character escaped
 *  (`\u009b`), so the text is safe on a terminal and parses back to the very same strings. */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `${text}\n`
}
