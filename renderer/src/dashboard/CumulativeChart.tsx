/**
 * Cumulative tonnage through the year against the target pace and the baseline year's pace, with
 * the annual target and baseline as level lines and the as-of date marked. Daily series on a
 * linear day axis, unparsed and decimated, as Chart.js recommends for long series.
 */
import type { Chart, ChartOptions, TooltipItem } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { cumulativeChartData, cumulativeUnit, type XY } from './chartData';
import { baseChartOptions, chartFont, FONT_FAMILY, markersPlugin, quantityAxis, tooltipLook } from './chartSetup';
import type { DashboardFormat } from './formatters';
import type { ChartPalette } from './palette';
import { PRINT_CHART_SIZE } from './printing';
import { ChartLegend, LINE_STYLES } from './ChartLegend';

interface Props {
  progress: Progress;
  palette: ChartPalette;
  printing: boolean;
  t: Translate;
  f: DashboardFormat;
}

const PLUGINS = [markersPlugin];

export function CumulativeChart({ progress, palette, printing, t, f }: Props) {
  const chartRef = useRef<Chart<'line', XY[]> | null>(null);
  const unit = cumulativeUnit(progress);
  const series = useMemo(() => cumulativeChartData(progress, unit), [progress, unit]);
  const baselineYear = progress.baselineYear;

  const labels = useMemo(
    () => ({
      actual: t('dashboard.series.actual'),
      targetPace: t('dashboard.series.targetPace'),
      baselinePace: t('dashboard.series.baselinePace', { year: baselineYear }),
      targetLevel: t('dashboard.series.targetLevel', { amount: f.short(progress.targetKg) }),
      baselineLevel: t('dashboard.series.baselineLevel', { year: baselineYear, amount: f.short(progress.baselineKg) }),
      today: t('dashboard.series.today', { date: f.date(progress.asOf) }),
    }),
    [t, f, baselineYear, progress.targetKg, progress.baselineKg, progress.asOf],
  );

  const data = useMemo(
    () => ({
      datasets: [
        {
          label: labels.actual,
          data: series.actual,
          borderColor: palette.actual,
          backgroundColor: palette.actual,
          borderWidth: 3,
          borderDash: LINE_STYLES.actual.dash,
          order: 0,
        },
        {
          label: labels.targetPace,
          data: series.targetPace,
          borderColor: palette.target,
          backgroundColor: palette.target,
          borderWidth: 2,
          borderDash: LINE_STYLES.targetPace.dash,
          order: 1,
        },
        {
          label: labels.baselinePace,
          data: series.baselinePace,
          borderColor: palette.baseline,
          backgroundColor: palette.baseline,
          borderWidth: 2.5,
          borderDash: LINE_STYLES.baselinePace.dash,
          borderCapStyle: 'round' as const,
          order: 2,
        },
      ],
    }),
    [series, palette, labels],
  );

  const options = useMemo((): ChartOptions<'line'> => {
    const kgOf = (item: TooltipItem<'line'>): number | null => {
      const index = Math.round(item.parsed.x ?? 0) - 1;
      const daily = progress.daily;
      if (item.datasetIndex === 0) return daily.actualKg[index] ?? null;
      if (item.datasetIndex === 1) return daily.targetPaceKg[index] ?? null;
      return daily.baselinePaceKg[index] ?? null;
    };
    const tickLabels = new Map(series.ticks.filter((tick) => tick.month !== null).map((tick) => [tick.x, f.axisMonth(tick.month ?? '')]));
    const font = chartFont(printing);
    return {
      ...baseChartOptions(printing),
      spanGaps: true,
      elements: { point: { radius: 0, hoverRadius: 4, hitRadius: 2 }, line: { tension: 0 } },
      layout: { padding: { top: 4, right: 8 } },
      scales: {
        x: {
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
        },
        y: quantityAxis(palette, font, f, unit, 7, '4%'),
      },
      plugins: {
        legend: { display: false },
        decimation: { enabled: true, algorithm: 'min-max' },
        tooltip: {
          ...tooltipLook(palette, printing),
          callbacks: {
            title: (items) => {
              const first = items[0];
              const date = first ? progress.daily.dates[Math.round(first.parsed.x ?? 0) - 1] : undefined;
              return date ? f.date(date) : '';
            },
            label: (item) => {
              const kg = kgOf(item);
              return kg === null ? '' : `${item.dataset.label ?? ''}: ${f.exact(kg)}`;
            },
          },
        },
        dashboardMarkers: {
          levels: [
            { value: series.levels.target, label: labels.targetLevel, color: palette.target, dash: LINE_STYLES.targetLevel.dash },
            { value: series.levels.baseline, label: labels.baselineLevel, color: palette.baseline, dash: LINE_STYLES.baselineLevel.dash },
          ],
          todayX: series.today ?? -1,
          todayLabel: labels.today,
          todayColor: palette.text,
          textColor: palette.text,
          plateColor: palette.surface,
          fontFamily: FONT_FAMILY,
          fontSize: printing ? 9 : 12,
        },
      },
    };
  }, [series, palette, printing, progress.daily, labels, f, unit]);

  // Paper: draw at the print box's size before the page is laid out; back on screen, fit the box.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (printing) chart.resize(PRINT_CHART_SIZE.cumulative.width, PRINT_CHART_SIZE.cumulative.height);
    else chart.resize();
  }, [printing]);

  const legend = [
    { key: 'actual', label: labels.actual, color: palette.actual, style: LINE_STYLES.actual },
    { key: 'targetPace', label: labels.targetPace, color: palette.target, style: LINE_STYLES.targetPace },
    { key: 'baselinePace', label: labels.baselinePace, color: palette.baseline, style: LINE_STYLES.baselinePace },
    { key: 'targetLevel', label: t('dashboard.legend.targetLevel'), color: palette.target, style: LINE_STYLES.targetLevel },
    { key: 'baselineLevel', label: t('dashboard.legend.baselineLevel', { year: baselineYear }), color: palette.baseline, style: LINE_STYLES.baselineLevel },
    ...(series.today === null ? [] : [{ key: 'today', label: t('dashboard.legend.today'), color: palette.text, style: LINE_STYLES.today }]),
  ];

  const summary = t('dashboard.chart.cumulative.summary', {
    date: f.date(progress.asOf),
    actual: f.short(progress.tonnesKg),
    due: f.short(progress.proRataKg),
    baselineYear,
    pace: f.short(progress.baselineProRataKg),
    target: f.short(progress.targetKg),
    baseline: f.short(progress.baselineKg),
  });

  return (
    <figure className="dash-chart" data-testid="cumulative-chart">
      <div className="dash-chart-box dash-chart-box-cumulative">
        <Line
          ref={chartRef}
          data={data}
          options={options}
          plugins={PLUGINS}
          role="img"
          aria-label={t('dashboard.chart.cumulative.aria', { year: progress.year, baselineYear })}
        />
      </div>
      <ChartLegend items={legend} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
