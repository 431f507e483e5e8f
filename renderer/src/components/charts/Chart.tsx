// One ECharts chart in React: created when mounted (again when the language changes: ECharts takes its locale
// at init), given each new option whole, resized with its box, disposed when unmounted. The theme is the
// app's CSS (chart-theme.ts), the locale the app's i18n (ECharts' built-in 'ZH' and 'EN'). ECharts is loaded
// on the first chart shown, as its own chunk: the cashier's screen never parses it.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/context';
import type { ChartOption } from './chart-option';
import type { init } from './echarts-setup';
import { themeFrom, type ChartTheme } from './chart-theme';

type EChart = ReturnType<typeof init>;

/** The theme of the page `el` is on. */
function themeOf(el: Element): ChartTheme {
  const root = getComputedStyle(el.ownerDocument.documentElement);
  return themeFrom((name) => root.getPropertyValue(name), getComputedStyle(el).fontFamily);
}

interface Props {
  readonly option: ChartOption;
  /** what the chart shows, for a screen reader (the SVG itself is drawn, not read) */
  readonly label: string;
  readonly testId: string;
  /** which chart (data-chart) */
  readonly name: string;
}

export function Chart({ option, label, testId, name }: Props) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChart | null>(null);
  // the option to draw once ECharts has loaded (the effect below may run before it has)
  const latest = useRef(option);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    let gone = false;
    let c: EChart | null = null;
    const resize = new ResizeObserver(() => c?.resize());
    void import('./echarts-setup').then(({ init }) => {
      if (gone) return;
      c = init(el, themeOf(el), { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
      c.setOption(latest.current, { notMerge: true });
      chart.current = c;
      resize.observe(el);
      el.dataset.drawn = locale;
    });
    return () => {
      gone = true;
      resize.disconnect();
      chart.current = null;
      c?.dispose();
    };
  }, [locale]);

  useEffect(() => {
    latest.current = option;
    // notMerge: each option is the whole chart (a series gone from the data is gone from the chart).
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={box} className="chart" role="img" aria-label={label} data-testid={testId} data-chart={name} />
  );
}
