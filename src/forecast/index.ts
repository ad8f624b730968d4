/** The funnel forecast: pure TypeScript shared by the editor and the CLI. */
export { forecastDiagram, feedsPipeline, DEFAULT_CURRENCY } from './forecast-diagram';
export type { ChannelForecast, Forecast, ForecastTotals, StageForecast } from './forecast-types';
export { isKnown, known, unknown, valueOf, type Estimate } from './estimate';
export { compareChannels, type ChannelComparisonRow } from './compare-channels';
export { sensitivity, type Sensitivity, type SensitivityDriver } from './sensitivity';
export { unsourcedMetrics, type UnsourcedMetric } from './unsourced-metrics';
export { metricStatus, benchmarkText, type MetricStatus } from './metric-status';
export { formatCount, formatDays, formatEstimate, formatMoney, formatPercent } from './format';
export { PER_MONTH, toMonthly } from './period';
export { forecastPeriods, type ForecastPeriods, type PeriodRow } from './forecast-periods';
export { goalSeek, type GoalSeek, type ChannelGoal } from './goal-seek';
export { pipelineCoverage, type PipelineCoverage } from './pipeline-coverage';
