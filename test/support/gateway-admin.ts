// The sandbox gateway's admin interface for end-to-end suites: a gateway process started with
// `--admin-token` (and usually `--tls`, whose self-signed certificate is trusted here), differences made on
// demand and a day's wallet bill fetched. docs/gateway-sandbox.md ("Differences on demand", "Wallet bills").
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import type { GatewayProcess } from './gateway-process';

export interface AdminReply {
  readonly status: number;
  readonly bytes: Buffer;
}

export function gatewayAdmin(
  gw: GatewayProcess,
  token: string,
  method: 'GET' | 'POST' | 'DELETE',
  pathAndQuery: string,
  body?: unknown,
): Promise<AdminReply> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { 'x-admin-token': token };
  if (text !== '') headers['content-type'] = 'application/json';
  const options = {
    method,
    headers,
    ...(gw.certFile !== null ? { ca: fs.readFileSync(gw.certFile, 'utf8') } : {}),
  };
  return new Promise((resolve, reject) => {
    const onReply = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    };
    const url = `${gw.url}${pathAndQuery}`;
    const req = url.startsWith('https:')
      ? https.request(url, options, onReply)
      : http.request(url, options, onReply);
    req.on('error', reject);
    req.end(text);
  });
}

/** POST /admin/differences; throws unless the sandbox made the difference. Answers what it made. */
export async function gatewayDifference(
  gw: GatewayProcess,
  token: string,
  difference: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const r = await gatewayAdmin(gw, token, 'POST', '/admin/differences', difference);
  const text = r.bytes.toString('utf8');
  if (r.status !== 200)
    throw new Error(`the sandbox refused ${JSON.stringify(difference)}: ${r.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The day's bill file in `format` (wechat: UTF-8, alipay: GBK), written to `file`. */
export async function saveGatewayBill(
  gw: GatewayProcess,
  token: string,
  businessDate: string,
  format: 'wechat' | 'alipay',
  file: string,
): Promise<void> {
  const r = await gatewayAdmin(gw, token, 'GET', `/admin/bills/${businessDate}?format=${format}`);
  if (r.status !== 200)
    throw new Error(`no ${format} bill for ${businessDate}: ${r.status} ${r.bytes.toString()}`);
  fs.writeFileSync(file, r.bytes);
}
