/** The path of a bundle's V8 code cache file (dist-cli/v8-cache/…). */
export function cachePath(file: string): string
/** Runs a CommonJS bundle with V8's code cache and returns its exports; `trace` hears whether the cache was used. */
export function loadBundle(file: string, trace?: ((line: string) => void) | null, loaded?: Map<string, { exports: unknown }>): any
