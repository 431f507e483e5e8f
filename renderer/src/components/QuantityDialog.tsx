import { useState } from 'react';
import type { Unit } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { parseQtyMilli } from '../format/parse';
import { TID } from '../testids';
import { DecimalField } from './DecimalField';
import { Modal, isEnterInField } from './Modal';
import { Keypad, applyKeypad } from './Keypad';
import { DialogButtons } from './DialogButtons';

interface Props {
  readonly productName: string;
  readonly unit: Unit;
  readonly initialQtyMilli: number | null;
  readonly onSubmit: (qtyMilli: number) => Promise<boolean>;
  readonly onClose: () => void;
}

/** "1.235" for 1235 kg-thousandths, "3" for 3000 pieces: exact, no float formatting. */
function toText(milli: number, unit: Unit): string {
  const whole = Math.floor(milli / 1000);
  return unit === 'kg' ? `${whole}.${String(milli % 1000).padStart(3, '0')}` : String(whole);
}

export function QuantityDialog({ productName, unit, initialQtyMilli, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(initialQtyMilli === null ? '' : toText(initialQtyMilli, unit));
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy) return;
    const milli = parseQtyMilli(text, unit);
    if (milli === null) return setInvalid(true);
    setBusy(true);
    const ok = await onSubmit(milli);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal
      title={t(unit === 'kg' ? 'qty.titleKg' : 'qty.title', { name: productName })}
      onClose={onClose}
      testId={TID.quantityDialog}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        void submit();
        return true;
      }}
    >
      <DecimalField
        id="qty-input"
        label={t(unit === 'kg' ? 'qty.labelKg' : 'qty.label')}
        testId={TID.quantityInput}
        value={text}
        error={invalid ? t(unit === 'kg' ? 'qty.invalidKg' : 'qty.invalid') : null}
        onChange={(v) => {
          setText(v);
          setInvalid(false);
        }}
      />
      <Keypad decimals={unit === 'kg'} onKey={(k) => setText((s) => applyKeypad(s, k))} />
      <DialogButtons onCancel={onClose} onOk={() => void submit()} okDisabled={busy} />
    </Modal>
  );
}
