// Why this sale cannot be refunded now (main's `blocked`): card and QR refunds while the gateway is offline,
// or anything else main refuses up front.
import type { RefundableView } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { tenderLabel, translated } from '../../refunds/refund-text';
import { TID } from '../../testids';

interface Props {
  readonly blocked: PosError;
  readonly tender: RefundableView['tender'];
}

export function RefundBlocked({ blocked, tender }: Props) {
  const { t } = useI18n();
  return (
    <div
      className="payment-notice bad refund-blocked"
      role="alert"
      data-testid={TID.refundBlocked}
      data-code={blocked.code}
    >
      <p className="payment-headline">
        {blocked.code === 'ONLINE_ONLY'
          ? t('refund.blockedOnline', { to: tenderLabel(t, tender) })
          : translated(t, blocked)}
      </p>
      {blocked.code === 'ONLINE_ONLY' && <p>{t('refund.blockedOnlineNext')}</p>}
    </div>
  );
}
