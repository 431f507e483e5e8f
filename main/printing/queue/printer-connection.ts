// Builds the PrinterPort for config.json's `printer.connection` (a network printer on TCP 9100) from the
// driver's transport and client, and owns the link so the host can close it on shutdown.
import { createPrinterClient } from '../../../native/printer/printer-client';
import { TcpTransport } from '../../../native/transports/tcp-transport';
import { clientPort } from './client-port';
import type { PrinterPort } from './ports';
import type { PrinterConfig } from '../../config/printer-config';

export interface PrinterConnection {
  readonly port: PrinterPort;
  readonly id: string;
  close(): Promise<void>;
}

/** null when no connection is configured. Nothing is opened here: the worker connects on first use. */
export function connectConfiguredPrinter(config: PrinterConfig | undefined): PrinterConnection | null {
  const c = config?.connection;
  if (!c) return null;
  const transport = new TcpTransport({ host: c.host, ...(c.port === undefined ? {} : { port: c.port }) });
  const client = createPrinterClient(transport);
  return {
    port: clientPort(client),
    id: transport.id,
    close: () => transport.close(),
  };
}
