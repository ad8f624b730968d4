/** The funnel forecast: pure TypeScript shared by the editor and the CLI. */
export { forecastDiagram, feedsPipeline } from './forecast-diagram';
export type { Forecast, ForecastTotals } from './forecast-types';
export { isKnown, valueOf, type Estimate } from './estimate';
export { compareChannels, type ChannelComparisonRow } from './compare-channels';
export { sensitivity, type Sensitivity, type SensitivityDriver } from './sensitivity';
export { unsourcedMetrics, type UnsourcedMetric } from './unsourced-metrics';
export { metricStatus } from './metric-status';
export { formatCount, formatDays, formatEstimate, formatMoney, formatPercent } from './format';
export { forecastPeriods, type ForecastPeriods } from './forecast-periods';
export { goalSeek, type GoalSeek } from './goal-seek';
export { pipelineCoverage, type PipelineCoverage } from './pipeline-coverage';
