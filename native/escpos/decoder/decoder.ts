// Incremental ESC/POS decoder: push() chunks as they arrive, end() when the stream closes. A command or a
// text run split across chunks is held back until it is complete, so any split decodes like the whole.
import iconv from 'iconv-lite';
import { CHINESE_ENCODING, DEFAULT_ENCODING } from './code-tables';
import { COMMANDS, HT } from './command-table';
import type { DecoderEvent } from './events';
import { interpret } from './interpret';
import { matchPrefix } from './prefix-match';
import { readArgs } from './read-args';

export interface DecoderOptions {
  /** Printers with a Chinese ROM usually start (and return after ESC @) in Chinese mode. */
  chineseByDefault?: boolean;
}

const isText = (b: number): boolean => b >= 0x20 || b === HT;

export class EscPosDecoder {
  private buf = new Uint8Array(0);
  /** Stream offset of buf[0]. */
  private base = 0;
  /** Next byte of buf to look at. */
  private pos = 0;
  /** Start (index in buf) of the text run being collected, or -1. */
  private textStart = -1;
  /** Do not retry the pending command until buf holds this many bytes. */
  private waitFor = 0;
  private encoding = DEFAULT_ENCODING;
  private chinese: boolean;

  constructor(private readonly options: DecoderOptions = {}) {
    this.chinese = options.chineseByDefault ?? false;
  }

  /** Decode what can be decoded of the stream so far. */
  push(chunk: Uint8Array): DecoderEvent[] {
    this.append(chunk);
    const events: DecoderEvent[] = [];
    if (this.buf.length >= this.waitFor) this.run(events);
    this.compact();
    return events;
  }

  /** The stream is over: flush text and report a command cut off at the end. */
  end(): DecoderEvent[] {
    const events: DecoderEvent[] = [];
    this.flushText(events);
    if (this.pos < this.buf.length) {
      const bytes = this.buf.slice(this.pos);
      events.push({ type: 'truncated', name: partialName(bytes), bytes, offset: this.base + this.pos });
      this.pos = this.buf.length;
    }
    this.waitFor = 0;
    this.compact();
    return events;
  }

  private run(events: DecoderEvent[]): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      const at = this.pos;
      if (isText(buf[at] as number)) {
        if (this.textStart < 0) this.textStart = at;
        this.pos++;
        continue;
      }
      this.flushText(events);
      const offset = this.base + at;
      const m = matchPrefix(buf, at);
      if (m.status === 'need') {
        this.waitFor = buf.length + 1;
        return;
      }
      if (m.status === 'none') {
        events.push({ type: 'unknown', bytes: buf.slice(at, at + m.length), offset });
        this.pos += m.length;
        continue;
      }
      const prefixLength = m.spec.prefix.length;
      const r = readArgs(buf, at, at + prefixLength, m.spec.args);
      if (r.status === 'need') {
        this.waitFor = at + r.atLeast;
        return;
      }
      const bytes = buf.subarray(at, at + r.length);
      const event: DecoderEvent =
        r.status === 'error'
          ? { type: 'error', reason: r.reason, name: m.spec.name, bytes: bytes.slice(), offset }
          : { ...interpret(m.spec.name, bytes, prefixLength), offset };
      this.apply(event);
      events.push(event);
      this.pos += r.length;
    }
    this.waitFor = 0;
  }

  /** Mode changes that affect how later text bytes decode. */
  private apply(e: DecoderEvent): void {
    if (e.type === 'init') {
      this.encoding = DEFAULT_ENCODING;
      this.chinese = this.options.chineseByDefault ?? false;
    } else if (e.type === 'codeTable') this.encoding = e.encoding;
    else if (e.type === 'chineseMode') this.chinese = e.on;
  }

  private flushText(events: DecoderEvent[]): void {
    if (this.textStart < 0) return;
    const bytes = this.buf.subarray(this.textStart, this.pos);
    const encoding = this.chinese ? CHINESE_ENCODING : this.encoding;
    events.push({
      type: 'text',
      text: iconv.decode(Buffer.from(bytes), encoding),
      encoding,
      offset: this.base + this.textStart,
    });
    this.textStart = -1;
  }

  private append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const next = new Uint8Array(this.buf.length + chunk.length);
    next.set(this.buf);
    next.set(chunk, this.buf.length);
    this.buf = next;
  }

  /** Drop bytes nothing refers to any more (keeps a pending text run and a pending command). */
  private compact(): void {
    const keepFrom = this.textStart >= 0 ? this.textStart : this.pos;
    if (keepFrom === 0) return;
    this.buf = this.buf.slice(keepFrom);
    this.base += keepFrom;
    this.pos -= keepFrom;
    this.waitFor = Math.max(0, this.waitFor - keepFrom);
    if (this.textStart >= 0) this.textStart -= keepFrom;
  }
}

/** Name of the longest table command the trailing bytes start with, for the `truncated` event. */
function partialName(bytes: Uint8Array): string {
  let best: { name: string; len: number } | undefined;
  for (const c of COMMANDS) {
    const n = Math.min(c.prefix.length, bytes.length);
    const fits = c.prefix.slice(0, n).every((b, i) => bytes[i] === b);
    if (fits && c.prefix.length <= bytes.length && (!best || c.prefix.length > best.len))
      best = { name: c.name, len: c.prefix.length };
  }
  return best?.name ?? 'incomplete prefix';
}

/** Decode a whole stream at once. */
export function decodeEscPos(bytes: Uint8Array, options?: DecoderOptions): DecoderEvent[] {
  const d = new EscPosDecoder(options);
  return [...d.push(bytes), ...d.end()];
}
