// The receipt printer: where it is, its model and paper, the print mode, and a test page on THAT printer
// (the one on screen, saved or not), whose outcome is shown here.
import { useEffect, useState } from 'react';
import type { PrinterProfileView, TestPrintView } from '@contract/contract';
import { PAPER_WIDTHS_MM, PRINT_MODES } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { DeviceChoice, TestOutcome, problemKey } from './DeviceField';
import { printerProfiles, testPrint } from './devices-api';
import { PrinterConnectionFields } from './PrinterConnectionFields';
import { patchPrinter, type PrinterDraft } from './printer-draft';

const DEFAULT_PROFILE = 'cn-80';

interface Props {
  readonly printer: PrinterDraft;
  readonly onChange: (printer: PrinterDraft) => void;
}

export function PrinterSettingsSection({ printer, onChange }: Props) {
  const { t } = useI18n();
  const [profiles, setProfiles] = useState<readonly PrinterProfileView[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TestPrintView | null>(null);

  useEffect(() => {
    void printerProfiles().then((r) => r.ok && setProfiles(r.value));
  }, []);

  const profileId = printer?.profileId ?? DEFAULT_PROFILE;
  const profile = profiles.find((p) => p.id === profileId);
  const paperMm = printer?.paperMm ?? profile?.paperMm ?? 80;
  const mode = printer?.mode ?? profile?.defaultMode ?? 'text';
  const connection = printer?.connection;

  const runTest = async (): Promise<void> => {
    if (!connection || busy) return;
    setBusy(true);
    setOutcome(null);
    const r = await testPrint({ connection, profileId, mode, widthMm: paperMm });
    setBusy(false);
    setOutcome(
      r.ok ? r.value : { ok: false, printerId: '', problem: 'printer-error', detail: r.error.message },
    );
  };

  return (
    <section className="settings-section" data-testid={TID.devicesPrinter}>
      <h3>{t('devices.printer')}</h3>
      <PrinterConnectionFields
        connection={connection}
        onChange={(c) => onChange(patchPrinter(printer, { connection: c }))}
      />
      <DeviceChoice
        id="devices-profile"
        label={t('devices.profile')}
        testId={TID.devicesProfile}
        value={profileId}
        options={profiles.map((p) => ({ value: p.id, label: p.description }))}
        onChange={(id) =>
          onChange(patchPrinter(printer, { profileId: id, paperMm: undefined, mode: undefined }))
        }
      />
      <DeviceChoice
        id="devices-paper"
        label={t('devices.paper')}
        testId={TID.devicesPaper}
        value={String(paperMm)}
        options={PAPER_WIDTHS_MM.map((mm) => ({ value: String(mm), label: t('devices.paperMm', { mm }) }))}
        onChange={(v) => onChange(patchPrinter(printer, { paperMm: Number(v) === 58 ? 58 : 80 }))}
      />
      <DeviceChoice
        id="devices-mode"
        label={t('devices.mode')}
        testId={TID.devicesMode}
        value={mode}
        options={PRINT_MODES.map((m) => ({
          value: m,
          label: t(m === 'text' ? 'devices.modeText' : 'devices.modeRaster'),
        }))}
        onChange={(m) => onChange(patchPrinter(printer, { mode: m }))}
      />
      <button
        type="button"
        className="btn btn-secondary"
        data-testid={TID.devicesTestPrint}
        disabled={!connection || busy}
        onClick={() => void runTest()}
      >
        {busy ? t('devices.testing') : t('devices.testPrint')}
      </button>
      {outcome && (
        <TestOutcome
          testId={TID.devicesTestPrintResult}
          ok={outcome.ok}
          text={
            outcome.ok
              ? t('devices.printOk', { printer: outcome.printerId })
              : t('devices.problem', { problem: problemKey(outcome.problem) })
          }
        />
      )}
    </section>
  );
}
