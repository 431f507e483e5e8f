// The card reader: none, an encrypting ID TECH reader on USB HID (with its key variant), or a keyboard wedge
// (with the PCI warning). "Test swipe" reads one card on the reader on screen and shows brand and last four
// only. A wedge types into a masked field here; its burst goes to main once and the field is cleared at once.
import { useState } from 'react';
import type { CardReaderConfig, CardReaderTestView } from '@contract/contract';
import type { DeviceSettingsDraft } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { DeviceChoice, DeviceField, TestOutcome } from './DeviceField';
import { testCardReader } from './devices-api';

type Kind = 'none' | CardReaderConfig['kind'];

interface Props {
  readonly reader: DeviceSettingsDraft['cardReader'];
  readonly onChange: (reader: DeviceSettingsDraft['cardReader']) => void;
}

export function CardReaderSection({ reader, onChange }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CardReaderTestView | null>(null);
  const [burst, setBurst] = useState('');
  const kind: Kind = reader?.kind ?? 'none';

  const run = async (tracks?: string): Promise<void> => {
    if (!reader || busy) return;
    setBusy(true);
    setOutcome(tracks === undefined && reader.kind === 'idtech-hid' ? null : outcome);
    const r = await testCardReader(reader, tracks);
    setBusy(false);
    setOutcome(r.ok ? r.value : { outcome: 'unavailable', detail: r.error.message });
  };

  const describe = (o: CardReaderTestView): { ok: boolean; text: string } => {
    switch (o.outcome) {
      case 'read':
        return {
          ok: true,
          text: t('devices.swipeOk', {
            brand: o.brand,
            last4: o.last4,
            encrypted: o.encrypted ? 'yes' : 'no',
          }),
        };
      case 'swipe-into-field':
        return { ok: true, text: t('devices.swipeIntoField') };
      case 'no-swipe':
        return { ok: false, text: t('devices.swipeNone', { seconds: Math.round(o.waitedMs / 1000) }) };
      case 'bad-read':
        return { ok: false, text: t('devices.swipeBad') };
      case 'unavailable':
        return { ok: false, text: t('devices.readerUnavailable', { detail: o.detail }) };
    }
  };

  return (
    <section className="settings-section" data-testid={TID.devicesReader}>
      <h3>{t('devices.reader')}</h3>
      <DeviceChoice<Kind>
        id="devices-reader-kind"
        label={t('devices.readerKind')}
        testId={TID.devicesReaderKind}
        value={kind}
        options={[
          { value: 'none', label: t('devices.readerNone') },
          { value: 'idtech-hid', label: t('devices.readerIdtech') },
          { value: 'keyboard-wedge', label: t('devices.readerWedge') },
        ]}
        onChange={(k) => {
          setOutcome(null);
          onChange(
            k === 'none' ? undefined : k === 'keyboard-wedge' ? { kind: k } : { kind: k, variant: 'data' },
          );
        }}
      />
      {reader?.kind === 'idtech-hid' && (
        <DeviceChoice
          id="devices-reader-variant"
          label={t('devices.readerVariant')}
          testId={TID.devicesReaderVariant}
          value={reader.variant}
          options={[
            { value: 'data', label: t('devices.variantData') },
            { value: 'pin', label: t('devices.variantPin') },
          ]}
          onChange={(variant) => onChange({ ...reader, variant })}
        />
      )}
      {reader?.kind === 'keyboard-wedge' && (
        <p className="field-error" role="note" data-testid={TID.devicesWedgeWarning}>
          {t('devices.wedgeWarning')}
        </p>
      )}
      {reader && (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.devicesTestSwipe}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy && reader.kind === 'idtech-hid' ? t('devices.swipeWaiting') : t('devices.testSwipe')}
        </button>
      )}
      {outcome?.outcome === 'swipe-into-field' && (
        <DeviceField id="devices-swipe-field" label={t('devices.swipeField')}>
          <input
            id="devices-swipe-field"
            className="input"
            type="password"
            autoComplete="off"
            data-testid={TID.devicesSwipeField}
            value={burst}
            onChange={(e) => setBurst(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              e.stopPropagation();
              const tracks = burst;
              setBurst(''); // the typed tracks leave the screen at once
              if (tracks !== '') void run(tracks);
            }}
          />
        </DeviceField>
      )}
      {outcome && <TestOutcome testId={TID.devicesSwipeResult} {...describe(outcome)} />}
    </section>
  );
}
