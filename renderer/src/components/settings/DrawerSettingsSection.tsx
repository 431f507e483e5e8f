// The cash drawer on the printer's kick-out port: which pin and how long a pulse (in ms on screen, stored in
// the 2 ms units config.json keeps), and a test kick on the printer on screen. A kick opens the till's cash,
// so it asks for a manager's approval (drawer.noSale) and main journals it.
import { useState } from 'react';
import type { Approval, BootstrapView, DrawerTestView, PrinterConnectionConfig } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { DeviceChoice, DeviceField, TestOutcome, problemKey } from './DeviceField';
import { testDrawer } from './devices-api';
import { msToUnits, patchPrinter, unitsToMs, type PrinterDraft } from './printer-draft';

const DEFAULT_PULSE = { pin: 2, t1: 25, t2: 250 } as const;

interface Props {
  readonly printer: PrinterDraft;
  readonly onChange: (printer: PrinterDraft) => void;
  readonly trainingApprover: BootstrapView['trainingApprover'];
}

const sensor = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'open' : 'closed');

export function DrawerSettingsSection({ printer, onChange, trainingApprover }: Props) {
  const { t } = useI18n();
  const [approving, setApproving] = useState(false);
  const [outcome, setOutcome] = useState<DrawerTestView | null>(null);
  const pulse = printer?.drawer ?? DEFAULT_PULSE;
  const connection: PrinterConnectionConfig | undefined = printer?.connection;
  const setPulse = (patch: Partial<typeof pulse>): void =>
    onChange(patchPrinter(printer, { drawer: { ...pulse, ...patch } }));

  const kick = async (approval: Approval): Promise<PosError | null> => {
    if (!connection) return null;
    const r = await testDrawer({ connection, ...pulse }, approval);
    if (!r.ok) {
      if (isApprovalRefusal(r.error)) return r.error;
      setOutcome({ ok: false, printerId: '', problem: 'printer-error', detail: r.error.message });
      return null;
    }
    setOutcome(r.value);
    return null;
  };

  const msField = (key: 't1' | 't2', id: string, label: string, testId: string) => (
    <DeviceField id={id} label={label}>
      <input
        id={id}
        className="input"
        inputMode="numeric"
        maxLength={3}
        data-testid={testId}
        value={String(unitsToMs(pulse[key]))}
        onChange={(e) => setPulse({ [key]: msToUnits(Number(e.target.value.replace(/\D/g, '') || '0')) })}
      />
    </DeviceField>
  );

  return (
    <section className="settings-section" data-testid={TID.devicesDrawer}>
      <h3>{t('devices.drawer')}</h3>
      <DeviceChoice
        id="devices-drawer-pin"
        label={t('devices.drawerPin')}
        testId={TID.devicesDrawerPin}
        value={String(pulse.pin)}
        options={[
          { value: '2', label: '2' },
          { value: '5', label: '5' },
        ]}
        onChange={(v) => setPulse({ pin: v === '5' ? 5 : 2 })}
      />
      {msField('t1', 'devices-pulse-on', t('devices.pulseOn'), TID.devicesPulseOn)}
      {msField('t2', 'devices-pulse-off', t('devices.pulseOff'), TID.devicesPulseOff)}
      <p className="field-hint">{t('devices.pulseHint')}</p>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={TID.devicesTestDrawer}
        disabled={!connection}
        onClick={() => {
          setOutcome(null);
          setApproving(true);
        }}
      >
        {t('devices.testDrawer')}
      </button>
      {outcome && (
        <TestOutcome
          testId={TID.devicesTestDrawerResult}
          ok={outcome.ok}
          text={
            outcome.ok
              ? t('devices.drawerOk', {
                  before: sensor(outcome.sensorBefore),
                  after: sensor(outcome.sensorAfter),
                })
              : t('devices.problem', { problem: problemKey(outcome.problem) })
          }
        />
      )}
      {approving && (
        // Its Esc and Enter stay in the approval: they must not reach (and close) the settings screen around it.
        <div onKeyDown={(e) => e.stopPropagation()}>
          <ManagerApproval
            title={t('devices.drawerApproval')}
            trainingApprover={trainingApprover}
            onApprove={kick}
            onDone={() => setApproving(false)}
            onCancel={() => setApproving(false)}
          />
        </div>
      )}
    </section>
  );
}
