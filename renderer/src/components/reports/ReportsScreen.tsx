// Manage → Reports: the X report of the open day (changes nothing), closing the day with a Z report (a
// manager's approval; refused while a shift is open or a payment is in doubt, each blocker said in words),
// and the past Zs, newest first. Every figure is main's (main/reports/); the screen only lays them out.
import { useEffect, useState } from 'react';
import type { BootstrapView, ReportView, ZBlocker, ZSummaryView } from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import type { ModalState } from '../../app/modals';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { TabBar } from '../TabBar';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { ReportFigures } from './ReportFigures';
import { ReportCharts } from './ReportCharts';
import { ReportButtons } from './ReportButtons';
import { PastZs } from './PastZs';
import { ZBlockers } from './ZBlockers';
import { zBlockers } from './z-blockers';
import { getZ, pastZs, takeZ, xReport } from './report-calls';

const TABS = ['x', 'z', 'past'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** replaces this screen with another (a blocker's Shift screen or payment alerts) */
  readonly open: (modal: ModalState) => void;
  readonly onClose: () => void;
}

export function ReportsScreen({ trainingApprover, open, onClose }: Props) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('x');
  /** the report on screen: the X of now, the Z just taken, or a past Z opened from the list */
  const [shown, setShown] = useState<ReportView | null>(null);
  const [zs, setZs] = useState<readonly ZSummaryView[] | null>(null);
  const [blockers, setBlockers] = useState<readonly ZBlocker[]>([]);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<PosError | null>(null);

  const show = (r: Result<ReportView>): void => {
    if (r.ok) setShown(r.value);
    setProblem(r.ok ? null : r.error);
  };
  useEffect(() => {
    void xReport().then(show);
  }, []);

  const choose = (next: Tab): void => {
    setTab(next);
    setShown(null);
    setZs(null);
    setBlockers([]);
    setProblem(null);
    if (next === 'x') void xReport().then(show);
    if (next === 'past') void pastZs().then((r) => (r.ok ? setZs(r.value) : setProblem(r.error)));
  };

  const closeDay = async (approval: Parameters<typeof takeZ>[0]): Promise<PosError | null> => {
    const r = await takeZ(approval);
    if (!r.ok && isApprovalRefusal(r.error)) return r.error; // the prompt stays open for another try
    if (!r.ok && r.error.code === 'Z_REFUSED') {
      const found = zBlockers(r.error);
      setBlockers(found);
      setProblem(found.length === 0 ? r.error : null);
      return null;
    }
    setBlockers([]);
    show(r);
    return null;
  };

  if (asking) {
    return (
      <ManagerApproval
        title={t('reports.zApprove')}
        trainingApprover={trainingApprover}
        onApprove={closeDay}
        onDone={() => setAsking(false)}
        onCancel={() => setAsking(false)}
      />
    );
  }

  const message = problem ? errorMessage(problem) : null;
  return (
    <Modal title={t('reports.title')} onClose={onClose} testId={TID.reportsScreen} size="wide">
      <TabBar
        tabs={TABS}
        current={tab}
        testId={TID.reportsTab}
        label={(name) => t('reports.tab', { tab: name })}
        onChoose={choose}
      />
      {message && problem && (
        <p className="field-error" role="alert" data-testid={TID.reportsError} data-code={problem.code}>
          {t(message.key, message.values)}
        </p>
      )}
      {tab === 'z' && !shown && (
        <>
          <p>{t('reports.zIntro')}</p>
          {blockers.length > 0 && <ZBlockers blockers={blockers} open={open} />}
          <button
            type="button"
            className="btn btn-danger"
            data-testid={TID.reportZTake}
            onClick={() => setAsking(true)}
          >
            {t('reports.zTake')}
          </button>
        </>
      )}
      {tab === 'past' && !shown && zs && <PastZs zs={zs} onOpen={(zNo) => void getZ(zNo).then(show)} />}
      {tab === 'x' && !shown && !problem && <p role="status">{t('reports.loading')}</p>}
      {shown && (
        <>
          <ReportFigures report={shown} />
          <ReportCharts report={shown} />
          <ReportButtons key={`${shown.kind}:${shown.zNo ?? ''}`} zNo={shown.zNo} onError={setProblem} />
        </>
      )}
      <div className="dialog-buttons">
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
