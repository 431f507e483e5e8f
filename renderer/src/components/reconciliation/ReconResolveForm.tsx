// Resolving an open difference: only the actions that fit its class (RESOLUTION_FITS, declared once in the
// contract), a note that must say something, then the manager's approval (asked for by the screen).
import { useState } from 'react';
import type { PosError } from '@contract/result';
import type { ReconItemView, ResolutionAction } from '@contract/contract';
import { actionsFor } from '@contract/contract/reconciliation';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import type { ResolveRequest } from './recon-calls';

export interface ResolveFormProps {
  readonly item: ReconItemView;
  /** main's refusal of the last try (RESOLUTION_NOT_ALLOWED, ...) */
  readonly error: PosError | null;
  readonly onResolve: (req: ResolveRequest) => void;
}

export function ReconResolveForm({ item, error, onResolve }: ResolveFormProps) {
  const { t } = useI18n();
  const actions = actionsFor(item.class);
  const [action, setAction] = useState<ResolutionAction | ''>(actions[0] ?? '');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  if (actions.length === 0) return <p className="field-hint">{t('recon.nothingToResolve')}</p>;

  const submit = (): void => {
    if (note.trim() === '') return setNoteMissing(true);
    if (action !== '') onResolve({ itemId: item.id, action, note: note.trim() });
  };
  const shown = error ? errorMessage(error) : null;
  return (
    <form
      className="recon-resolve"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span>{t('recon.action')}</span>
        <select
          data-testid={TID.reconAction}
          value={action}
          onChange={(e) => setAction(e.target.value as ResolutionAction)}
        >
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(`recon.action.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('recon.note')}</span>
        <textarea
          data-testid={TID.reconNote}
          value={note}
          maxLength={500}
          required
          aria-invalid={noteMissing}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteMissing(false);
          }}
        />
      </label>
      {noteMissing && (
        <p className="field-error" role="alert">
          {t('recon.noteRequired')}
        </p>
      )}
      {shown && error && (
        <p className="field-error" role="alert" data-testid={TID.reconResolveError} data-code={error.code}>
          {t(shown.key, shown.values)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" data-testid={TID.reconResolve}>
        {t('recon.resolve')}
      </button>
    </form>
  );
}
