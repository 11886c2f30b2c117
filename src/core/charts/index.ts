/**
 * Charts as SVG strings: pure functions with no DOM, colours and labels passed in, every text escaped. The
 * dashboard webview and the HTML report render the same functions, so a chart looks the same in both.
 */
export {
  type CompareOptions, type Language, type PoleColorMap, type SectionChartLabels, type ThemeKind, type TotalsOptions,
  axisTotalsChart, compareChart, poleColorMap, profileSparkline, sectionHeatMap,
} from './dashboardCharts';
export { type GroupChartOptions, groupBalanceChart } from './groupCharts';
export { type CooccurrenceChartOptions, type CooccurrenceLabel, cooccurrenceChart, cooccurrenceLabels } from './cooccurrenceChart';
export { type DivergingHeader, type DivergingOptions, type DivergingRow, divergingBars } from './divergingBar';
export { type HeatCell, type HeatColumn, type HeatMapOptions, type HeatRow, heatMap } from './heatMap';
export { type ChartTheme, LIGHT_THEME, escapeXml } from './svg';
