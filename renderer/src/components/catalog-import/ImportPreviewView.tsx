// What a chosen file would do, before anything is written: its encoding, what it changes, its first rows and
// every problem with its line (the first 200; the total is said).
import type { ImportPreview } from '@contract/contract';
import { localName } from '../../format/names';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly preview: ImportPreview;
}

export function ImportPreviewView({ preview }: Props) {
  const { t, locale, money } = useI18n();
  const { counts, errors, errorTotal } = preview;
  return (
    <div className="catalog-import-preview">
      <dl className="printer-facts">
        <dt>{t('import.file')}</dt>
        <dd>{t('import.fileFacts', { name: preview.fileName, rows: preview.rowCount })}</dd>
        <dt>{t('import.encoding')}</dt>
        <dd data-testid={TID.importEncoding} data-encoding={preview.encoding}>
          {/* ICU selectors are plain words: utf-8-bom → utf8bom */}
          {t('import.encodingName', { encoding: preview.encoding.replaceAll('-', '') })}
        </dd>
        <dt>{t('import.changes')}</dt>
        <dd
          data-testid={TID.importCounts}
          data-new={counts.new}
          data-updated={counts.updated}
          data-unchanged={counts.unchanged}
        >
          {t('import.counts', { added: counts.new, changed: counts.updated, same: counts.unchanged })}
        </dd>
      </dl>
      {errorTotal > 0 && (
        <div
          className="catalog-import-errors"
          role="alert"
          data-testid={TID.importErrors}
          data-total={errorTotal}
        >
          <p className="field-error">
            {t('import.errorsTitle', { total: errorTotal, shown: errors.length })}
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i} data-testid={TID.importError} data-line={e.line}>
                {e.column === null
                  ? t('import.errorLine', { line: e.line })
                  : t('import.errorLineColumn', { line: e.line, column: e.column })}{' '}
                {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <table className="settings-table" data-testid={TID.importRows}>
        <thead>
          <tr>
            <th>{t('import.colLine')}</th>
            <th>{t('import.colSku')}</th>
            <th>{t('import.colName')}</th>
            <th>{t('import.colPrice')}</th>
            <th>{t('import.colChange')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} data-testid={TID.importRow} data-sku={r.sku} data-change={r.change}>
              <td>{r.line}</td>
              <td>{r.sku}</td>
              <td>{localName(locale, r.name, r.nameEn).primary}</td>
              <td>{money(r.priceMinor)}</td>
              <td>{t('import.change', { change: r.change })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
