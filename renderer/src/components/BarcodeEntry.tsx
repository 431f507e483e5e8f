import { useState, type RefObject } from 'react';
import { useI18n } from '../i18n/context';
import { keyHint } from '../keys/bindings';
import { TID } from '../testids';

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** resolves true when the code was accepted (the field is then cleared) */
  readonly onSubmit: (code: string) => Promise<boolean>;
}

/** For labels the scanner cannot read: type the digits, Enter. */
export function BarcodeEntry({ inputRef, onSubmit }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const trimmed = code.trim();
    if (trimmed === '' || busy) return;
    setBusy(true);
    const ok = await onSubmit(trimmed);
    setBusy(false);
    if (ok) setCode('');
  };

  return (
    <form
      className="barcode-entry"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor="barcode-input">
        {t('barcode.label')}
      </label>
      <div className="input-with-key">
        <kbd>{keyHint('barcode')}</kbd>
        <input
          id="barcode-input"
          ref={inputRef}
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={128}
          placeholder={t('barcode.placeholder')}
          data-testid={TID.barcodeInput}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setCode('');
          }}
        />
      </div>
      <button
        type="submit"
        className="btn btn-secondary"
        disabled={busy || code.trim() === ''}
        data-testid={TID.barcodeSubmit}
      >
        {t('barcode.add')}
      </button>
    </form>
  );
}
