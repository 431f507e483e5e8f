// Clear card data must not linger in memory longer than needed (PCI DSS 3.3, and the payments guide: "wipe the
// clear buffers"). JS strings are immutable and cannot be wiped, so card data should travel as bytes wherever
// the code controls it: turn the swipe into a Uint8Array once, seal it, wipe it. A string that arrived over IPC
// can only be dropped (no references kept) and left to the garbage collector.

/** Overwrites every given buffer with zeros. Safe on empty or already-wiped buffers. */
export function wipe(...buffers: readonly (Uint8Array | null | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}

/**
 * Runs `use` with `buffer` and wipes the buffer afterwards, also when `use` throws or its promise rejects.
 * The callback must not keep a reference to the buffer.
 */
export function withWiped<T>(buffer: Uint8Array, use: (buffer: Uint8Array) => T): T {
  let result: T;
  try {
    result = use(buffer);
  } catch (e) {
    wipe(buffer);
    throw e;
  }
  if (result instanceof Promise) {
    return result.finally(() => wipe(buffer)) as T;
  }
  wipe(buffer);
  return result;
}

/**
 * Track text as bytes in a buffer of its own (not a slice of Node's shared Buffer pool, so wiping it wipes
 * all of it). Track characters are 7-bit ASCII; anything else becomes '?' (0x3F), which no parser accepts
 * inside a field.
 */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : 0x3f;
  }
  return out;
}
