import './statistics.policy.ts';

export { statisticsRoutes } from './statistics.routes.tsx';
export { loadReport, foldStatistics, rebuildStatistics, withStatisticsDeferred, type Report, type ReportScope, type ReportFilters } from './statistics.queries.ts';
export { contributions, type CountedRecord } from './statistics.contributions.ts';
export { durationBands, durationBandLabels, durationBand } from './statistics.dimensions.ts';
