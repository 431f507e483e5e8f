// "Scan anything here": what the scanner sends after the code (Enter, Tab or nothing) and how many characters,
// so a scanner set up with the wrong suffix is found before the first customer. The scanner's output is
// borrowed from the sale screen while this is open (it would otherwise go to the cart behind); keys too slow
// to be a scan land in the field and are read the same way. Nothing scanned here is kept, and a card swiped
// by mistake is not shown.
import { useLayoutEffect, useRef, useState } from 'react';
import type { PaymentInputSlot } from '../../payments/payment-input';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Reading {
  readonly suffix: 'Enter' | 'Tab' | 'none';
  readonly length: number;
}

/** The scanner's suffix as the scan logic saw it (silence: no suffix at all). */
const SUFFIX = { enter: 'Enter', tab: 'Tab', timeout: 'none' } as const;

/** How long the keys must stop before a scan with no suffix is over (a scanner types far faster). */
const QUIET_MS = 400;

export function ScannerTest({ inputRef }: { readonly inputRef: PaymentInputSlot }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [reading, setReading] = useState<Reading | null>(null);
  const idle = useRef<number | null>(null);
  const finish = (suffix: Reading['suffix'], length: number): void => {
    if (idle.current !== null) window.clearTimeout(idle.current);
    setReading({ suffix, length });
    setValue('');
  };
  useLayoutEffect(() => {
    inputRef.current = {
      scan: (code, terminator) => finish(SUFFIX[terminator], code.length),
      swipe: () => undefined, // a card, not a barcode: nothing to show, nothing kept
      badSwipe: () => undefined,
    };
    return () => {
      inputRef.current = null;
    };
  });
  return (
    <div className="settings-section">
      <p>{t('settings.scannerHelp')}</p>
      <input
        className="input input-large"
        aria-label={t('settings.scannerField')}
        data-testid={TID.settingsScannerField}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          const length = e.target.value.length;
          setValue(e.target.value);
          if (idle.current !== null) window.clearTimeout(idle.current);
          idle.current = window.setTimeout(() => finish('none', length), QUIET_MS);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Tab' || e.currentTarget.value === '') return;
          e.preventDefault();
          finish('Tab', e.currentTarget.value.length);
        }}
      />
      {reading && (
        <p
          className="payment-notice info"
          role="status"
          data-testid={TID.settingsScannerResult}
          data-suffix={reading.suffix}
        >
          {t('settings.scannerResult', { suffix: reading.suffix, length: reading.length })}
        </p>
      )}
    </div>
  );
}
