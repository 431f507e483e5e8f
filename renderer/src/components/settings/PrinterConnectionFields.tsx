// Where the receipt printer is: none, a USB printer from discovery (refreshable), a network printer's host and
// port, or a Linux usblp device. The kind chosen is kept here until its connection is complete; the draft
// only ever holds a whole connection.
import { useCallback, useEffect, useState } from 'react';
import type { PrinterConnectionConfig, PrinterListView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { DeviceChoice, DeviceField } from './DeviceField';
import { listPrinters } from './devices-api';
import { usbConnectionOf, usbIdOf } from './printer-draft';

type Kind = 'none' | PrinterConnectionConfig['kind'];

interface Props {
  readonly connection: PrinterConnectionConfig | undefined;
  readonly onChange: (connection: PrinterConnectionConfig | undefined) => void;
}

export function PrinterConnectionFields({ connection, onChange }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>(connection?.kind ?? 'none');
  const [list, setList] = useState<PrinterListView | null>(null);
  const [host, setHost] = useState(connection?.kind === 'tcp' ? connection.host : '');
  const [port, setPort] = useState(
    connection?.kind === 'tcp' && connection.port ? String(connection.port) : '',
  );

  const refresh = useCallback(() => {
    void listPrinters().then((r) => r.ok && setList(r.value));
  }, []);
  useEffect(refresh, [refresh]);

  const setTcp = (h: string, p: string): void => {
    setHost(h);
    setPort(p);
    const n = Number(p);
    const portPart = p.trim() !== '' && Number.isInteger(n) ? { port: n } : {};
    onChange(h.trim() === '' ? undefined : { kind: 'tcp', host: h.trim(), ...portPart });
  };

  const chooseKind = (k: Kind): void => {
    setKind(k);
    if (k === 'none') onChange(undefined);
    else if (k === 'tcp') setTcp(host, port);
    else onChange(undefined); // USB and usblp: complete once a device is chosen
  };

  const usbValue = connection?.kind === 'usb' ? usbIdOf(connection) : '';
  const usbOptions = [
    { value: '', label: t('devices.usbChoose') },
    ...(list?.usb ?? []).map((p) => ({ value: p.id, label: p.label })),
    // The configured printer, unplugged now: still shown, so the choice is not lost.
    ...(usbValue && !list?.usb.some((p) => p.id === usbValue)
      ? [{ value: usbValue, label: t('devices.usbMissing', { label: usbValue }) }]
      : []),
  ];
  const usblpValue = connection?.kind === 'usblp' ? connection.device : '';
  const usblpNodes = [
    ...(list?.usblp ?? []),
    ...(usblpValue && !list?.usblp.includes(usblpValue) ? [usblpValue] : []),
  ];

  return (
    <>
      <DeviceChoice<Kind>
        id="devices-printer-kind"
        label={t('devices.printerKind')}
        testId={TID.devicesPrinterKind}
        value={kind}
        options={[
          { value: 'none', label: t('devices.kindNone') },
          { value: 'usb', label: t('devices.kindUsb') },
          { value: 'tcp', label: t('devices.kindTcp') },
          { value: 'usblp', label: t('devices.kindUsblp') },
        ]}
        onChange={chooseKind}
      />
      {kind === 'usb' && (
        <>
          <DeviceChoice
            id="devices-usb-printer"
            label={t('devices.usbPrinter')}
            testId={TID.devicesUsbPrinter}
            value={usbValue}
            options={usbOptions}
            onChange={(id) => {
              const p = list?.usb.find((u) => u.id === id);
              if (p) onChange(usbConnectionOf(p));
            }}
          />
          {list && list.usb.length === 0 && (
            <p className="field-hint">
              {t(list.usbAvailable ? 'devices.usbNone' : 'devices.usbUnavailable')}
            </p>
          )}
          <button
            type="button"
            className="btn btn-secondary"
            data-testid={TID.devicesRefresh}
            onClick={refresh}
          >
            {t('devices.refresh')}
          </button>
        </>
      )}
      {kind === 'tcp' && (
        <>
          <DeviceField id="devices-host" label={t('devices.host')}>
            <input
              id="devices-host"
              className="input"
              autoComplete="off"
              spellCheck={false}
              maxLength={253}
              data-testid={TID.devicesHost}
              value={host}
              onChange={(e) => setTcp(e.target.value, port)}
            />
          </DeviceField>
          <DeviceField id="devices-port" label={t('devices.port')}>
            <input
              id="devices-port"
              className="input"
              inputMode="numeric"
              maxLength={5}
              data-testid={TID.devicesPort}
              value={port}
              onChange={(e) => setTcp(host, e.target.value.replace(/\D/g, ''))}
            />
          </DeviceField>
        </>
      )}
      {kind === 'usblp' &&
        (usblpNodes.length === 0 ? (
          <p className="field-hint">{t('devices.usblpNone')}</p>
        ) : (
          <DeviceChoice
            id="devices-usblp"
            label={t('devices.usblpDevice')}
            testId={TID.devicesUsblp}
            value={usblpValue}
            options={[{ value: '', label: '—' }, ...usblpNodes.map((n) => ({ value: n, label: n }))]}
            onChange={(device) => onChange(device ? { kind: 'usblp', device } : undefined)}
          />
        ))}
    </>
  );
}
