/** The built entry under `root` (the repository), or null when it is missing or older than a source. */
export function freshBuild(root: string, outDir?: string): string | null
