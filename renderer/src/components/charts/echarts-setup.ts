// ECharts, tree-shaken: only the chart types and components the reports screen draws, with the SVG renderer
// (crisp at any DPI, labels are real text in the DOM, CJK drawn by the browser's own fonts). Nothing here
// evaluates code from strings, so the renderer's strict CSP stands.
import { init, use as register } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { init };
