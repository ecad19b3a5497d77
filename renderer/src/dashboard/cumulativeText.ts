/**
 * The cumulative chart's words: each series' label, its HTML legend, and the one-sentence summary a
 * screen reader reads instead of the picture.
 */
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import type { CumulativeChartData } from './chartData';
import { LINE_STYLES, type LegendItem } from './ChartLegend';
import type { DashboardFormat } from './formatters';
import type { ChartPalette } from './palette';

export interface CumulativeLabels {
  actual: string;
  targetPace: string;
  baselinePace: string;
  targetLevel: string;
  baselineLevel: string;
  today: string;
  projection: string;
}

export function cumulativeLabels(progress: Progress, t: Translate, f: DashboardFormat): CumulativeLabels {
  const year = progress.baselineYear;
  return {
    actual: t('dashboard.series.actual'),
    targetPace: t('dashboard.series.targetPace'),
    baselinePace: t('dashboard.series.baselinePace', { year }),
    targetLevel: t('dashboard.series.targetLevel', { amount: f.short(progress.targetKg) }),
    baselineLevel: t('dashboard.series.baselineLevel', { year, amount: f.short(progress.baselineKg) }),
    today: t('dashboard.series.today', { date: f.date(progress.asOf) }),
    projection: t('dashboard.series.projection'),
  };
}

/**
 * The legend names the level lines without their amounts (the
 * chart's plates show those), and today only when it is in the year.
 */
export function cumulativeLegend(
  labels: CumulativeLabels,
  series: CumulativeChartData,
  palette: ChartPalette,
  t: Translate,
  baselineYear: number,
  projection = false,
): LegendItem[] {
  return [
    { key: 'actual', label: labels.actual, color: palette.actual, style: LINE_STYLES.actual },
    ...(projection
      ? [
          {
            key: 'projection',
            label: t('dashboard.legend.projection'),
            color: palette.actual,
            style: LINE_STYLES.projection,
          },
        ]
      : []),
    { key: 'targetPace', label: labels.targetPace, color: palette.target, style: LINE_STYLES.targetPace },
    {
      key: 'baselinePace',
      label: labels.baselinePace,
      color: palette.baseline,
      style: LINE_STYLES.baselinePace,
    },
    {
      key: 'targetLevel',
      label: t('dashboard.legend.targetLevel'),
      color: palette.targetLevel,
      style: LINE_STYLES.targetLevel,
    },
    {
      key: 'baselineLevel',
      label: t('dashboard.legend.baselineLevel', { year: baselineYear }),
      color: palette.baselineLevel,
      style: LINE_STYLES.baselineLevel,
    },
    ...(series.today === null
      ? []
      : [
          { key: 'today', label: t('dashboard.legend.today'), color: palette.text, style: LINE_STYLES.today },
        ]),
  ];
}

export function cumulativeSummary(progress: Progress, t: Translate, f: DashboardFormat): string {
  return t('dashboard.chart.cumulative.summary', {
    date: f.date(progress.asOf),
    actual: f.short(progress.tonnesKg),
    due: f.short(progress.proRataKg),
    baselineYear: progress.baselineYear,
    pace: f.short(progress.baselineProRataKg),
    target: f.short(progress.targetKg),
    baseline: f.short(progress.baselineKg),
  });
}
