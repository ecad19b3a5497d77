/**
 * The cumulative chart's Chart.js configuration, built by pure functions: the three paced series,
 * the day axis labelled at month starts, the tooltip in whole tonnes, and the plates for the two
 * levels and today. Daily series on a linear day axis, unparsed and decimated, as Chart.js
 * recommends for long series.
 */
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import type { Progress } from '../../../electron/core/api';
import type { ChartUnit, CumulativeChartData, MonthTick, XY } from './chartData';
import { LINE_STYLES } from './ChartLegend';
import {
  baseChartOptions,
  chartFont,
  FONT_FAMILY,
  quantityAxis,
  tooltipLook,
  type MarkerOptions,
} from './chartSetup';
import type { CumulativeLabels } from './cumulativeText';
import type { DashboardFormat } from './formatters';
import type { ChartPalette } from './palette';

type LineOptions = ChartOptions<'line'>;
type Plugins = NonNullable<LineOptions['plugins']>;

export function cumulativeDatasets(
  series: CumulativeChartData,
  palette: ChartPalette,
  labels: CumulativeLabels,
  projection: XY[] | null = null,
): ChartData<'line', XY[]> {
  const line = (
    label: string,
    data: XY[],
    color: string,
    borderWidth: number,
    dash: number[],
    order: number,
  ) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth,
    borderDash: dash,
    order,
  });
  return {
    datasets: [
      line(labels.actual, series.actual, palette.actual, 3, LINE_STYLES.actual.dash, 0),
      line(labels.targetPace, series.targetPace, palette.target, 2, LINE_STYLES.targetPace.dash, 1),
      {
        ...line(
          labels.baselinePace,
          series.baselinePace,
          palette.baseline,
          2.5,
          LINE_STYLES.baselinePace.dash,
          2,
        ),
        borderCapStyle: 'round' as const,
      },
      // A what-if: dashed, in the shipped line's colour, from the as-of date on.
      ...(projection
        ? [line(labels.projection, projection, palette.actual, 2.5, LINE_STYLES.projection.dash, 0)]
        : []),
    ],
  };
}

/** Days 1–366 on a linear axis, with a tick at each month's start labelled by the month (and no grid line there). */
export function dayAxis(
  series: { xMax: number; ticks: readonly MonthTick[] },
  palette: ChartPalette,
  font: { family: string; size: number },
  f: DashboardFormat,
) {
  const tickLabels = new Map(
    series.ticks.filter((tick) => tick.month !== null).map((tick) => [tick.x, f.axisMonth(tick.month ?? '')]),
  );
  return {
    type: 'linear',
    min: 0,
    max: series.xMax,
    afterBuildTicks: (axis) => {
      axis.ticks = series.ticks.map((tick) => ({ value: tick.x }));
    },
    grid: {
      color: (context) => (context.tick && tickLabels.has(context.tick.value) ? 'transparent' : palette.grid),
      drawTicks: false,
    },
    border: { color: palette.grid },
    ticks: {
      color: palette.muted,
      font,
      autoSkip: false,
      maxRotation: 0,
      padding: 6,
      callback: (value) => tickLabels.get(Number(value)) ?? '',
    },
  } satisfies NonNullable<LineOptions['scales']>['x'];
}

/** The date pointed at, and each series' tonnes that day (from the core's kilograms, not the scaled line). */
function dayTooltip(
  progress: Progress,
  palette: ChartPalette,
  printing: boolean,
  f: DashboardFormat,
  projectedKg: readonly (number | null)[] | null,
): Plugins['tooltip'] {
  const { daily } = progress;
  const dayIndex = (item: TooltipItem<'line'>) => Math.round(item.parsed.x ?? 0) - 1;
  const perSeries = [daily.actualKg, daily.targetPaceKg, daily.baselinePaceKg, projectedKg ?? []];
  return {
    ...tooltipLook(palette, printing),
    callbacks: {
      title: (items) => {
        const first = items[0];
        const date = first ? daily.dates[dayIndex(first)] : undefined;
        return date ? f.date(date) : '';
      },
      label: (item) => {
        const kg = perSeries[Math.min(item.datasetIndex, 3)]?.[dayIndex(item)] ?? null;
        return kg === null ? '' : `${item.dataset.label ?? ''}: ${f.tonnes(kg)}`;
      },
    },
  };
}

function markers(
  series: CumulativeChartData,
  palette: ChartPalette,
  labels: CumulativeLabels,
  printing: boolean,
): MarkerOptions {
  return {
    levels: [
      {
        value: series.levels.target,
        label: labels.targetLevel,
        color: palette.targetLevel,
        dash: LINE_STYLES.targetLevel.dash,
      },
      {
        value: series.levels.baseline,
        label: labels.baselineLevel,
        color: palette.baselineLevel,
        dash: LINE_STYLES.baselineLevel.dash,
      },
    ],
    todayX: series.today ?? -1,
    todayLabel: labels.today,
    todayColor: palette.text,
    textColor: palette.text,
    plateColor: palette.surface,
    fontFamily: FONT_FAMILY,
    fontSize: printing ? 9 : 12,
  };
}

export interface CumulativeOptionsInput {
  progress: Progress;
  series: CumulativeChartData;
  unit: ChartUnit;
  labels: CumulativeLabels;
  palette: ChartPalette;
  printing: boolean;
  f: DashboardFormat;
  /** A what-if's projection per day (the core's scenario), or null. */
  projectedKg?: readonly (number | null)[] | null;
}

export function cumulativeOptions({
  progress,
  series,
  unit,
  labels,
  palette,
  printing,
  f,
  projectedKg = null,
}: CumulativeOptionsInput): LineOptions {
  const font = chartFont(printing);
  return {
    ...baseChartOptions(printing),
    spanGaps: true,
    elements: { point: { radius: 0, hoverRadius: 4, hitRadius: 2 }, line: { tension: 0 } },
    layout: { padding: { top: 4, right: 8 } },
    scales: { x: dayAxis(series, palette, font, f), y: quantityAxis(palette, font, f, unit, 7, '4%') },
    plugins: {
      legend: { display: false },
      decimation: { enabled: true, algorithm: 'min-max' },
      tooltip: dayTooltip(progress, palette, printing, f, projectedKg),
      dashboardMarkers: markers(series, palette, labels, printing),
    },
  };
}
