// The reconciliation screen's top row: the business day, "Fetch from gateway", and a settlement file with its
// format to import (the import itself asks for a manager's approval in the screen).
import { useRef, useState } from 'react';
import { IMPORT_FORMATS, type ImportFormat } from '@contract/contract/reconciliation';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { fileBase64, type ImportRequest } from './recon-calls';

interface Props {
  readonly day: string;
  readonly busy: boolean;
  readonly onDay: (day: string) => void;
  readonly onFetch: () => void;
  readonly onImport: (req: ImportRequest) => void;
}

export function ReconToolbar({ day, busy, onDay, onFetch, onImport }: Props) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ImportFormat>('wechat');
  const [missing, setMissing] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const importFile = async (): Promise<void> => {
    const file = fileRef.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    onImport({ day, fileName: file.name, bytes: await fileBase64(file), format });
  };

  return (
    <div className="recon-toolbar">
      <label className="field">
        <span>{t('recon.day')}</span>
        <input
          type="date"
          data-testid={TID.reconDay}
          value={day}
          required
          onChange={(e) => e.target.value && onDay(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="btn btn-primary"
        data-testid={TID.reconFetch}
        disabled={busy}
        onClick={onFetch}
      >
        {busy ? t('recon.fetching') : t('recon.fetch')}
      </button>
      <label className="field">
        <span>{t('recon.importFile')}</span>
        <input
          ref={fileRef}
          type="file"
          data-testid={TID.reconImportFile}
          onChange={() => setMissing(false)}
        />
      </label>
      <label className="field">
        <span>{t('recon.importFormat')}</span>
        <select
          data-testid={TID.reconImportFormat}
          value={format}
          onChange={(e) => setFormat(e.target.value as ImportFormat)}
        >
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`recon.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={TID.reconImport}
        disabled={busy}
        onClick={() => void importFile()}
      >
        {t('recon.import')}
      </button>
      {missing && (
        <p className="field-error" role="alert">
          {t('recon.importChoose')}
        </p>
      )}
    </div>
  );
}
