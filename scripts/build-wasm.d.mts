export const WAT: string
export const OUT: string
export const WAT3: string
export const OUT3: string
/** The module's bytes assembled from the text format (needs the wabt devDependency). */
export function assemble(watText: string, name?: string): Promise<Uint8Array>
/** The generated TypeScript for these bytes. */
export function moduleSource(bytes: Uint8Array): string
/** The generated TypeScript for the 3-D model's kernels (kernels3.wat). */
export function moduleSource3(bytes: Uint8Array): string
