// One figure of a report: its words and its value, with the raw value in data-value so a test reads the
// number main sent rather than the formatting.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  /** which figure (data-figure) */
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** minor units, shown as money; otherwise a count */
  readonly isMoney?: boolean;
  readonly testId?: string;
}

export function Figure({ id, label, value, isMoney = true, testId = TID.reportFigure }: Props) {
  const { money } = useI18n();
  return (
    <div data-testid={testId} data-figure={id} data-value={value}>
      <dt>{label}</dt>
      <dd className="num">{isMoney ? money(value) : value}</dd>
    </div>
  );
}

/** A section of a report: a heading over its figures. */
export function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="report-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}
