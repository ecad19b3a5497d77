/**
 * One cumulative chart: the chosen year against earlier years and the baseline, by day of year. The
 * tooltip names the day and each line's whole tonnes; the legend is HTML (real text, each line's dash).
 */
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import type { YearComparison } from '../../../../electron/core/api';
import type { Translate } from '../../i18n';
import { ChartLegend } from '../ChartLegend';
import { baseChartOptions, chartFont, quantityAxis, tooltipLook } from '../chartSetup';
import type { XY } from '../chartData';
import { dayAxis } from '../cumulativeOptions';
import type { DashboardFormat } from '../formatters';
import type { ChartPalette } from '../palette';
import { yearsChartData, type YearLine, type YearsChartData } from './yearsChartData';

interface Props {
  comparison: YearComparison;
  palette: ChartPalette;
  printing: boolean;
  t: Translate;
  f: DashboardFormat;
}

/** A line's name: its year, or the baseline with how its pace is drawn. */
export function lineLabel(line: YearLine, comparison: YearComparison, t: Translate): string {
  if (!line.baseline) return String(line.year);
  const how = t(comparison.baseline.pace === 'monthly' ? 'dashboard.pace.monthly' : 'dashboard.pace.proRata');
  return t('dashboard.years.baseline', { year: line.year, how });
}

function options(
  series: YearsChartData,
  palette: ChartPalette,
  printing: boolean,
  t: Translate,
  f: DashboardFormat,
) {
  const font = chartFont(printing);
  const dayOf = (item: TooltipItem<'line'>) => Math.round(item.parsed.x ?? 0);
  return {
    ...baseChartOptions(printing),
    elements: { point: { radius: 0, hoverRadius: 4, hitRadius: 2 }, line: { tension: 0 } },
    layout: { padding: { top: 4, right: 8 } },
    scales: {
      x: {
        ...dayAxis(series, palette, font, f),
        title: { display: true, text: t('dashboard.years.axis'), color: palette.muted, font },
      },
      y: quantityAxis(palette, font, f, series.unit, 7, '4%'),
    },
    plugins: {
      legend: { display: false },
      decimation: { enabled: true, algorithm: 'min-max' },
      tooltip: {
        ...tooltipLook(palette, printing),
        callbacks: {
          title: (items) => (items[0] ? t('dashboard.years.day', { day: dayOf(items[0]) }) : ''),
          label: (item) => {
            const kg = series.lines[item.datasetIndex]?.kg[dayOf(item) - 1] ?? null;
            return kg === null ? '' : `${item.dataset.label ?? ''}: ${f.tonnes(kg)}`;
          },
        },
      },
    },
  } satisfies ChartOptions<'line'>;
}

export function YearsChart({ comparison, palette, printing, t, f }: Props) {
  const series = useMemo(() => yearsChartData(comparison, palette), [comparison, palette]);
  const data: ChartData<'line', XY[]> = useMemo(
    () => ({
      datasets: series.lines.map((line, order) => ({
        label: lineLabel(line, comparison, t),
        data: line.points,
        borderColor: line.color,
        backgroundColor: line.color,
        borderWidth: line.style.width,
        borderDash: line.style.dash,
        borderCapStyle: line.baseline ? ('round' as const) : ('butt' as const),
        order,
      })),
    }),
    [series, comparison, t],
  );
  const chartOptions = useMemo(
    () => options(series, palette, printing, t, f),
    [series, palette, printing, t, f],
  );
  const years = comparison.years.map((y) => y.year).join(', ');
  return (
    <figure className="dash-chart" data-testid="years-chart">
      <div className="dash-chart-box dash-chart-box-cumulative">
        <Line
          data={data}
          options={chartOptions}
          role="img"
          aria-label={t('dashboard.years.aria', { years, baselineYear: comparison.baseline.year })}
        />
      </div>
      <ChartLegend
        items={series.lines.map((line) => ({
          key: line.key,
          label: lineLabel(line, comparison, t),
          color: line.color,
          style: line.style,
        }))}
      />
    </figure>
  );
}
