// The card reader: none, an encrypting ID TECH reader on USB HID (with its key variant), or a keyboard wedge
// (with the PCI warning). "Test swipe" reads one card on the reader on screen and shows brand and last four
// only. A wedge reader types its tracks as a key burst: the scanner recognises it and hands this one swipe here
// (input/swipe-capture.ts) instead of to a card payment; it goes to main once and is not kept or shown.
import { useEffect, useState } from 'react';
import type { CardReaderConfig, CardReaderTestView } from '@contract/contract';
import type { DeviceSettingsDraft } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { captureNextSwipe } from '../../input/swipe-capture';
import { DeviceChoice, TestOutcome } from './DeviceField';
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
  const kind: Kind = reader?.kind ?? 'none';
  const waitingForWedge = outcome?.outcome === 'swipe-into-field';

  const run = async (): Promise<void> => {
    if (!reader || busy) return;
    setBusy(true);
    setOutcome(null);
    const r = await testCardReader(reader);
    setBusy(false);
    setOutcome(r.ok ? r.value : { outcome: 'unavailable', detail: r.error.message });
  };

  // While the wedge test waits, the next swipe anywhere on screen is this test's.
  useEffect(() => {
    if (!waitingForWedge || !reader) return;
    return captureNextSwipe({
      swipe: (tracks) => {
        setBusy(true);
        void testCardReader(reader, tracks).then((r) => {
          setBusy(false);
          setOutcome(r.ok ? r.value : { outcome: 'unavailable', detail: r.error.message });
        });
      },
      badSwipe: () => setOutcome({ outcome: 'bad-read', reason: 'unreadable' }),
    });
  }, [waitingForWedge, reader]);

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
      {outcome && <TestOutcome testId={TID.devicesSwipeResult} {...describe(outcome)} />}
    </section>
  );
}
