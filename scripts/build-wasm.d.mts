export const WAT: string
export const OUT: string
/** The module's bytes assembled from the text format (needs the wabt devDependency). */
export function assemble(watText: string): Promise<Uint8Array>
/** The generated TypeScript for these bytes. */
export function moduleSource(bytes: Uint8Array): string
