// "Scan anything here": shows what the scanner sends after the code (Enter, Tab or nothing), how many
// characters arrived and how fast, so a scanner set up with the wrong suffix is found before the first
// customer. Nothing scanned here leaves this field (a card swiped by mistake is not shown either).
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Reading {
  readonly suffix: 'Enter' | 'Tab' | 'none';
  readonly length: number;
  readonly ms: number;
}

/** What a scan ended with: the key that came right after the last character, if any. */
export const suffixOf = (key: string): Reading['suffix'] | null =>
  key === 'Enter' ? 'Enter' : key === 'Tab' ? 'Tab' : null;

export function ScannerTest() {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [reading, setReading] = useState<Reading | null>(null);
  const started = useRef<number | null>(null);
  const idle = useRef<number | null>(null);
  const finish = (suffix: Reading['suffix'], length: number): void => {
    setReading({
      suffix,
      length,
      ms: Math.round(performance.now() - (started.current ?? performance.now())),
    });
    started.current = null;
    setValue('');
  };
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
          started.current ??= performance.now();
          setValue(e.target.value);
          // No suffix at all: the scan is over when the characters stop coming.
          if (idle.current !== null) window.clearTimeout(idle.current);
          const length = e.target.value.length;
          idle.current = window.setTimeout(() => finish('none', length), 400);
        }}
        onKeyDown={(e) => {
          const suffix = suffixOf(e.key);
          if (suffix === null || value === '') return;
          e.preventDefault();
          if (idle.current !== null) window.clearTimeout(idle.current);
          finish(suffix, value.length);
        }}
      />
      {reading && (
        <p
          className="payment-notice info"
          role="status"
          data-testid={TID.settingsScannerResult}
          data-suffix={reading.suffix}
        >
          {t('settings.scannerResult', { suffix: reading.suffix, length: reading.length, ms: reading.ms })}
        </p>
      )}
    </div>
  );
}
