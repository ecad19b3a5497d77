/**
 * Cumulative tonnage through the year against the target pace and the baseline year's pace, with
 * the annual target and baseline as level lines and the as-of date marked. The configuration is
 * built in cumulativeOptions.ts and the words in cumulativeText.ts; this draws them.
 */
import type { Chart } from 'chart.js';
import { useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import type { Progress } from '../../../electron/core/api';
import type { Scenario } from '../../../electron/core/scenario';
import type { Translate } from '../i18n';
import { cumulativeChartData, cumulativeUnit, projectionSeries, type XY } from './chartData';
import { ChartLegend } from './ChartLegend';
import { markersPlugin } from './chartSetup';
import { cumulativeDatasets, cumulativeOptions } from './cumulativeOptions';
import { cumulativeLabels, cumulativeLegend, cumulativeSummary } from './cumulativeText';
import type { DashboardFormat } from './formatters';
import type { ChartPalette } from './palette';
import { PRINT_CHART_SIZE } from './printing';
import { usePrintSize } from './usePrintSize';

interface Props {
  progress: Progress;
  palette: ChartPalette;
  printing: boolean;
  t: Translate;
  f: DashboardFormat;
  /** A what-if asked on the dashboard: drawn dashed beside the real line; null draws none. */
  scenario?: Scenario | null;
}

const PLUGINS = [markersPlugin];

export function CumulativeChart({ progress, palette, printing, t, f, scenario = null }: Props) {
  const chartRef = useRef<Chart<'line', XY[]> | null>(null);
  const unit = cumulativeUnit(progress);
  const series = useMemo(() => cumulativeChartData(progress, unit), [progress, unit]);
  const labels = useMemo(() => cumulativeLabels(progress, t, f), [progress, t, f]);
  const projectedKg = scenario?.projectedKg ?? null;
  const projection = useMemo(
    () => (projectedKg ? projectionSeries(projectedKg, unit) : null),
    [projectedKg, unit],
  );
  const data = useMemo(
    () => cumulativeDatasets(series, palette, labels, projection),
    [series, palette, labels, projection],
  );
  const options = useMemo(
    () => cumulativeOptions({ progress, series, unit, labels, palette, printing, f, projectedKg }),
    [progress, series, unit, labels, palette, printing, f, projectedKg],
  );
  usePrintSize(chartRef, printing, PRINT_CHART_SIZE.cumulative);

  return (
    <figure className="dash-chart" data-testid="cumulative-chart">
      <div className="dash-chart-box dash-chart-box-cumulative">
        <Line
          ref={chartRef}
          data={data}
          options={options}
          plugins={PLUGINS}
          role="img"
          aria-label={t('dashboard.chart.cumulative.aria', {
            year: progress.year,
            baselineYear: progress.baselineYear,
          })}
        />
      </div>
      <ChartLegend
        items={cumulativeLegend(labels, series, palette, t, progress.baselineYear, projection !== null)}
      />
      <figcaption className="visually-hidden">{cumulativeSummary(progress, t, f)}</figcaption>
    </figure>
  );
}
