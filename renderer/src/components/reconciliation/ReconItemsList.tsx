// The day's differences: a class filter, matched items hidden unless asked for, one row per item (class,
// reference, the till's and the provider's amounts, open or resolved). A row is a button: Tab, Enter and a
// tap all select it.
import { useState } from 'react';
import type { ReconClass, ReconItemView } from '@contract/contract';
import { RECON_CLASSES } from '@contract/contract/reconciliation';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly items: readonly ReconItemView[];
  readonly selectedId: string | null;
  readonly onSelect: (itemId: string) => void;
}

export function ReconItemsList({ items, selectedId, onSelect }: Props) {
  const { t, money } = useI18n();
  const [only, setOnly] = useState<ReconClass | 'all'>('all');
  const [showMatched, setShowMatched] = useState(false);
  const shown = items.filter(
    (i) =>
      (only === 'all' || i.class === only) && (showMatched || only === 'matched' || i.class !== 'matched'),
  );
  return (
    <section className="recon-items">
      <div className="recon-filters">
        <label className="field">
          <span>{t('recon.filter')}</span>
          <select
            data-testid={TID.reconFilter}
            value={only}
            onChange={(e) => setOnly(e.target.value as ReconClass | 'all')}
          >
            <option value="all">{t('recon.filterAll')}</option>
            {RECON_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`recon.class.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid={TID.reconShowMatched}
            checked={showMatched}
            onChange={(e) => setShowMatched(e.target.checked)}
          />
          <span>{t('recon.showMatched')}</span>
        </label>
      </div>
      {shown.length === 0 && <p className="field-hint">{t('recon.noDifferences')}</p>}
      <ul className="recon-item-list" aria-label={t('recon.differences')}>
        {shown.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              className={`recon-item-row${i.id === selectedId ? ' is-selected' : ''}`}
              aria-pressed={i.id === selectedId}
              data-testid={TID.reconItem}
              data-item={i.id}
              data-class={i.class}
              data-state={i.state}
              data-reference={i.reference ?? ''}
              onClick={() => onSelect(i.id)}
            >
              <span className="recon-class">{t(`recon.class.${i.class}`)}</span>
              <span className="recon-ref">{i.reference ?? '—'}</span>
              <span className="num">{money(i.localMinor)}</span>
              <span className="num">{money(i.settledMinor)}</span>
              <span className="recon-state">{t(`recon.state.${i.state}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
