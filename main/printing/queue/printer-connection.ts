// Builds the PrinterPort for config.json's `printer.connection` from the driver's transport and client: a
// network printer (TCP 9100), a USB printer found on the bus by its IDs (through the UsbHost the shell hands
// in), or a Linux usblp device. It owns the link so the host can close it on shutdown. Nothing is opened
// here: the worker connects on first use, so an absent printer is "disconnected" in the status bar, not a
// failed start, and the same printer plugged in later is found by the worker's next poll.
import { createPrinterClient, type PrinterClient } from '../../../native/printer/printer-client';
import { TcpTransport } from '../../../native/transports/tcp-transport';
import type { PrinterTransport } from '../../../native/transports/transport';
import { UsbByIdTransport } from '../../../native/transports/usb-by-id-transport';
import type { UsbHost } from '../../../native/transports/usb-host';
import { UsblpTransport } from '../../../native/transports/usblp-transport';
import { clientPort } from './client-port';
import type { PrinterPort } from './ports';
import type { PrinterConfig, PrinterConnectionConfig } from '../../config/printer-config';

export interface PrinterConnection {
  readonly port: PrinterPort;
  /** the transport's id: 'tcp:192.0.2.10:9100', 'usb:04b8:0202:SERIAL', 'usblp:/dev/usb/lp0' */
  readonly id: string;
  readonly client: PrinterClient;
  close(): Promise<void>;
}

/** What reaching a printer may need from the shell: the USB bus (null or absent: no USB access here). */
export interface PrinterLinks {
  readonly usb?: UsbHost | null | undefined;
}

export function transportFor(c: PrinterConnectionConfig, links: PrinterLinks): PrinterTransport {
  switch (c.kind) {
    case 'tcp':
      return new TcpTransport({ host: c.host, ...(c.port === undefined ? {} : { port: c.port }) });
    case 'usb':
      return new UsbByIdTransport({ usb: links.usb ?? null, match: c });
    case 'usblp':
      return new UsblpTransport({ path: c.device });
  }
}

/** A port over a fresh link to this printer (the configured one, or one being tried in the settings). */
export function connectPrinter(c: PrinterConnectionConfig, links: PrinterLinks): PrinterConnection {
  const transport = transportFor(c, links);
  const client = createPrinterClient(transport);
  return { port: clientPort(client), id: transport.id, client, close: () => client.close() };
}

/** null when no connection is configured. */
export function connectConfiguredPrinter(
  config: PrinterConfig | undefined,
  links: PrinterLinks = {},
): PrinterConnection | null {
  const c = config?.connection;
  return c ? connectPrinter(c, links) : null;
}
