// Small node:http helpers: a bounded body reader, JSON writers (whole, or dripped for the slow-body fault) and
// a file writer.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Past this the rest of an oversized body is not even drained: the connection is cut. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

export type BodyRead =
  { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly tooLarge: true };

/** Reads the whole body; an oversized one is drained (so the client can read the 413) and reported. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () =>
      resolve(size > limit ? { ok: false, tooLarge: true } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client went away while sending'));
    });
  });
}

const headersFor = (body: Buffer, extra: Record<string, string>): Record<string, string | number> => ({
  'content-type': 'application/json; charset=utf-8',
  'content-length': body.length,
  'cache-control': 'no-store',
  ...extra,
});

export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  extra: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, headersFor(bytes, extra));
  res.end(bytes);
}

/** Sends the headers now and the body in ten pieces spread over `ms` (a congested or throttled link). */
export function sendJsonSlowly(
  res: ServerResponse,
  status: number,
  body: string,
  ms: number,
  extra: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, headersFor(bytes, extra));
  res.flushHeaders();
  const pieces = 10;
  const size = Math.max(1, Math.ceil(bytes.length / pieces));
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  let i = 0;
  const next = (): void => {
    if (res.destroyed) return;
    const chunk = chunks[i++] ?? Buffer.alloc(0);
    if (i >= chunks.length) res.end(chunk);
    else {
      res.write(chunk);
      setTimeout(next, ms / pieces);
    }
  };
  setTimeout(next, ms / pieces);
}

/** A downloadable file (the admin bills), named for saving. */
export function sendFile(
  res: ServerResponse,
  file: { readonly fileName: string; readonly contentType: string; readonly bytes: Buffer },
): void {
  res.writeHead(
    200,
    headersFor(file.bytes, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    }),
  );
  res.end(file.bytes);
}
