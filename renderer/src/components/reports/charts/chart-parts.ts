// What every chart of the reports screen shares: the words it is drawn in (the app's translator and money
// formatting) and its title, grid and tooltip, so the four charts read alike.
import type { Translate } from '../../../i18n/translate';
import type { ChartOption } from '../../charts/chart-option';

export interface ChartWords {
  readonly t: Translate;
  /** minor units as the app shows money ('¥1,234.50') */
  readonly money: (minor: number) => string;
}

/** The title drawn in the chart (so it is in the SVG, in the chart's language). */
export function titled(text: string): Pick<ChartOption, 'title'> {
  return { title: { text, left: 'center', top: 0, textStyle: { fontSize: 15 } } };
}

/** Room for the title above and the axis labels below and beside. */
export const GRID: ChartOption['grid'] = { left: 8, right: 8, top: 56, bottom: 8, containLabel: true };

/** Drawn inside the SVG: an HTML tooltip would be styled inline, which the renderer's CSP refuses. */
export const TOOLTIP: ChartOption['tooltip'] = { renderMode: 'richText', confine: true };

/** An ECharts formatter's value as a number (it hands over what the data held, or an array for a pie). */
export const numberOf = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * A value axis in money: whole minor units only (ECharts would otherwise tick a small day at 0.2 fen, which
 * is no amount), each tick in the app's money format.
 */
export const moneyAxis = (w: ChartWords) =>
  ({
    type: 'value',
    minInterval: 1,
    axisLabel: { formatter: (v: number) => w.money(Math.round(v)) },
  }) as const;
