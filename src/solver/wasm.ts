// The solver's WebAssembly modules (the 2-D field's thermal/kernels.ts, the 3-D model's
// thermal3d/kernels3.ts) are in the source as base64, so Node, the CLI bundle and the app's Web
// Worker load them alike, synchronously: compiling one, growing its memory, and handing out its
// bytes as arrays.

/** Node's Buffer where there is one (the CLI): it decodes base64 natively. */
const nodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array<ArrayBuffer> } }).Buffer

/** A module from its bytes in base64: decoded by Node's Buffer, else (a browser, a worker) through
 *  atob, a byte a char. */
export function compileWasm(base64: string): WebAssembly.Module {
  let bytes: Uint8Array<ArrayBuffer>
  if (nodeBuffer) bytes = nodeBuffer.from(base64, 'base64')
  else {
    const text = atob(base64)
    bytes = new Uint8Array(text.length)
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  }
  return new WebAssembly.Module(bytes)
}

/** WebAssembly's page, the unit a memory grows by. */
const PAGE_BYTES = 65536

/** Grows `memory` (never shrinks it) to hold at least `bytes`. Growing detaches the typed arrays
 *  made on its buffer before: grow first, then make them. */
export function growTo(memory: WebAssembly.Memory, bytes: number): void {
  const short = bytes - memory.buffer.byteLength
  if (short > 0) memory.grow(Math.ceil(short / PAGE_BYTES))
}

/** `bytes` rounded up to a whole number of doubles. */
export const align8 = (bytes: number): number => Math.ceil(bytes / 8) * 8

/** Hands out the first `bytes` of a memory, block after block, each a whole number of doubles (so
 *  every array made on a block is aligned for a Float64Array); past them, an error worded by
 *  `overrun`. The 2-D field's Arena and the 3-D model's Memory3 make their arrays on its blocks. */
export class BumpAllocator {
  private at = 0

  constructor(
    private readonly bytes: number,
    private readonly overrun: () => string,
  ) {}

  /** The byte offset of the next block of at least `bytes`. */
  take(bytes: number): number {
    const at = this.at
    this.at += align8(bytes)
    if (this.at > this.bytes) throw new Error(this.overrun())
    return at
  }
}
