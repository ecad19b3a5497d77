/**
 * Tonnes shipped each month against the month's plan: solid bars for what was shipped, pale
 * outlined bars for the plan (they differ by fill, not only by colour). The tooltip gives whole
 * tonnes and the variance (the running month's against its plan to date), all from the core's
 * month figures.
 */
import type { Chart, ChartOptions } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import type { Progress } from '../../../electron/core/api';
import type { Translate } from '../i18n';
import { monthlyChartData, monthlyUnit, toUnit, type XY } from './chartData';
import { ChartLegend, LINE_STYLES } from './ChartLegend';
import { baseChartOptions, chartFont, planToDatePlugin, quantityAxis, tooltipLook } from './chartSetup';
import type { DashboardFormat } from './formatters';
import { withAlpha, type ChartPalette } from './palette';
import { PRINT_CHART_SIZE } from './printing';
import { usePrintSize } from './usePrintSize';

interface Props {
  progress: Progress;
  palette: ChartPalette;
  printing: boolean;
  t: Translate;
  f: DashboardFormat;
}

const PLUGINS = [planToDatePlugin];

export function MonthlyChart({ progress, palette, printing, t, f }: Props) {
  const chartRef = useRef<Chart<'bar', XY[]> | null>(null);
  const unit = monthlyUnit(progress);
  const series = useMemo(() => monthlyChartData(progress, unit), [progress, unit]);
  const actualLabel = t('dashboard.series.monthActual');
  const planLabel = t('dashboard.series.plan');
  // The month in progress is measured against its plan to date: the chart marks it on its plan bar.
  const currentIndex = progress.months.findIndex((month) => month.state === 'current');
  const planToDateKg = progress.months[currentIndex]?.planToDateKg ?? null;
  const planToDateLabel = t('dashboard.series.planToDate', { date: f.date(progress.asOf) });

  const data = useMemo(
    () => ({
      // Three letters on paper too: one-letter months ("J J") cannot tell June from July.
      labels: series.months.map((month) => f.axisMonth(month)),
      datasets: [
        {
          label: actualLabel,
          data: series.actual,
          backgroundColor: palette.actual,
          borderColor: palette.actual,
          borderWidth: 0,
          borderRadius: 2,
        },
        {
          label: planLabel,
          data: series.plan,
          backgroundColor: withAlpha(palette.plan, 0.22),
          borderColor: palette.plan,
          borderWidth: 2,
          borderRadius: 2,
        },
      ],
    }),
    [series, palette, f, actualLabel, planLabel],
  );

  const options = useMemo((): ChartOptions<'bar'> => {
    const font = chartFont(printing);
    return {
      ...baseChartOptions(printing),
      datasets: { bar: { categoryPercentage: 0.78, barPercentage: 0.92 } },
      layout: { padding: { top: 4, right: 4 } },
      scales: {
        x: {
          type: 'category',
          grid: { display: false },
          border: { color: palette.grid },
          // Every month named, level; on paper a size smaller, so three letters fit under each pair of bars.
          ticks: {
            color: palette.muted,
            font: printing ? { ...font, size: 8 } : font,
            maxRotation: 0,
            autoSkip: false,
          },
        },
        y: quantityAxis(palette, font, f, unit, 6),
      },
      plugins: {
        legend: { display: false },
        planToDate:
          planToDateKg === null
            ? false
            : { index: currentIndex, value: toUnit(planToDateKg, unit), color: palette.text },
        tooltip: {
          ...tooltipLook(palette, printing),
          callbacks: {
            title: (items) => {
              const month = progress.months[items[0]?.parsed.x ?? -1];
              return month ? `${f.month(month.month, 'long')} ${progress.year}` : '';
            },
            label: (item) => {
              const month = progress.months[item.parsed.x ?? -1];
              if (!month) return '';
              const kg = item.datasetIndex === 0 ? month.tonnesKg : month.planKg;
              return `${item.dataset.label ?? ''}: ${f.tonnes(kg)}`;
            },
            footer: (items) => {
              const month = progress.months[items[0]?.parsed.x ?? -1];
              if (!month || month.varianceKg === null || month.planToDateKg === null) return '';
              const value = `${f.signedTonnesNumber(month.varianceKg)}\u00a0${f.unit('t')}`;
              // The month in progress is measured against its plan to date, and says so.
              return month.state === 'current'
                ? t('dashboard.tooltip.varianceToDate', {
                    value,
                    plan: f.tonnes(month.planToDateKg),
                    date: f.date(progress.asOf),
                  })
                : t('dashboard.tooltip.variance', { value });
            },
          },
        },
      },
    };
  }, [
    palette,
    printing,
    f,
    unit,
    progress.months,
    progress.year,
    progress.asOf,
    t,
    currentIndex,
    planToDateKg,
  ]);

  usePrintSize(chartRef, printing, PRINT_CHART_SIZE.monthly);

  return (
    <figure className="dash-chart" data-testid="monthly-chart">
      <div className="dash-chart-box dash-chart-box-monthly">
        <Bar
          ref={chartRef}
          data={data}
          options={options}
          plugins={PLUGINS}
          role="img"
          aria-label={t('dashboard.chart.monthly.aria', { year: progress.year })}
        />
      </div>
      <ChartLegend
        items={[
          { key: 'actual', label: actualLabel, color: palette.actual, style: LINE_STYLES.monthActual },
          { key: 'plan', label: planLabel, color: palette.plan, style: LINE_STYLES.plan },
          ...(planToDateKg === null
            ? []
            : [
                {
                  key: 'planToDate',
                  label: planToDateLabel,
                  color: palette.text,
                  style: LINE_STYLES.planToDate,
                },
              ]),
        ]}
      />
      <figcaption className="visually-hidden">{t('dashboard.chart.monthly.summary')}</figcaption>
    </figure>
  );
}
