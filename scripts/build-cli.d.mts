export const ENTRY_NAME: string
export const SOURCES_NAME: string
/** Builds the CLI into `outDir` (default dist-cli/); returns the bundle's path and its sources. */
export function buildCli(outDir?: string): Promise<{ entry: string; sources: string[] }>
/** Links node_modules/.bin/halltwin to bin/halltwin.mjs under `root` (how `npx halltwin` finds the CLI); says what it did. */
export function linkBin(root?: string): string
