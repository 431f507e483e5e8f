// What the screen shows of a shift: its float and cash movements, and once counted the expected cash (with
// what makes it up), the count and the variance. Main sends the expected figure only after the count.
import type { ExpectedCash, ShiftView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

const PARTS: readonly (keyof ExpectedCash)[] = [
  'floatMinor',
  'cashReceivedMinor',
  'changeGivenMinor',
  'cashRefundsMinor',
  'paidInMinor',
  'paidOutMinor',
  'dropsMinor',
];

export function ShiftSummary({ shift }: { readonly shift: ShiftView }) {
  const { t, money } = useI18n();
  const close = shift.close;
  return (
    <div data-testid={TID.shiftSummary} data-state={shift.state} data-shift={shift.shiftId}>
      <p data-testid={TID.shiftFloat} data-minor={shift.floatMinor}>
        {t('shift.float')}: {money(shift.floatMinor)}
      </p>
      <h3>{t('shift.movements')}</h3>
      {shift.movements.length === 0 && <p className="hint">{t('shift.noMovements')}</p>}
      <ul>
        {shift.movements.map((m) => (
          <li
            key={m.movementId}
            data-testid={TID.shiftMovement}
            data-kind={m.kind}
            data-minor={m.amountMinor}
          >
            {t('shift.kind', { kind: m.kind })} {money(m.amountMinor)} — {m.reason}
            {m.approvedBy && ` (${t('shift.approvedBy', { name: m.approvedBy })})`}
          </li>
        ))}
      </ul>
      {close && (
        <dl className="settings-grid">
          {PARTS.map((p) => (
            <div key={p}>
              <dt>{t('shift.part', { part: p })}</dt>
              <dd className="num">{money(close.expected[p])}</dd>
            </div>
          ))}
          <dt>{t('shift.expected')}</dt>
          <dd className="num" data-testid={TID.shiftExpected} data-minor={close.expected.expectedMinor}>
            {money(close.expected.expectedMinor)}
          </dd>
          <dt>{t('shift.counted')}</dt>
          <dd className="num" data-testid={TID.shiftCounted} data-minor={close.countedMinor}>
            {money(close.countedMinor)}
          </dd>
          <dt>{t('shift.variance')}</dt>
          <dd className="num" data-testid={TID.shiftVariance} data-minor={close.varianceMinor}>
            {close.varianceMinor < 0 ? `−${money(-close.varianceMinor)}` : money(close.varianceMinor)}
          </dd>
        </dl>
      )}
      {close?.needsSignOff && <p role="alert">{t('shift.needsSignOff')}</p>}
      {close?.signOff && (
        <p>{t('shift.signedOff', { name: close.signOff.approvedBy, note: close.signOff.note })}</p>
      )}
    </div>
  );
}
