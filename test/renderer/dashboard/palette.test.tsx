/**
 * Chart colours (issue 10, point 14): each series is drawn in a colour of its own and each legend
 * sample in its series' colour (the tokens themselves: test/theme-tokens.test.ts).
 */
import { render } from '@testing-library/react';
import { ChartLegend } from '../../../renderer/src/dashboard/ChartLegend';
import { cumulativeChartData } from '../../../renderer/src/dashboard/chartData';
import { cumulativeDatasets, cumulativeOptions } from '../../../renderer/src/dashboard/cumulativeOptions';
import { cumulativeLabels, cumulativeLegend } from '../../../renderer/src/dashboard/cumulativeText';
import { dashboardFormat } from '../../../renderer/src/dashboard/formatters';
import { readPalette } from '../../../renderer/src/dashboard/palette';
import { translate } from '../../../renderer/src/i18n';
import { progress2024 } from './fixtures';

test('the palette reads the level lines’ own tokens', () => {
  document.documentElement.style.setProperty('--target-level', '#112233');
  document.documentElement.style.setProperty('--baseline-level', '#445566');
  const palette = readPalette(document.documentElement);
  expect([palette.targetLevel, palette.baselineLevel]).toEqual(['#112233', '#445566']);
  document.documentElement.style.removeProperty('--target-level');
  document.documentElement.style.removeProperty('--baseline-level');
});

test('the cumulative chart draws each series in its own colour, and its legend in the same ones', () => {
  const progress = progress2024();
  const t = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);
  const f = dashboardFormat('en', t);
  const palette = readPalette(document.documentElement);
  const series = cumulativeChartData(progress, 'Mt');
  const labels = cumulativeLabels(progress, t, f);
  const data = cumulativeDatasets(series, palette, labels);
  const options = cumulativeOptions({ progress, series, unit: 'Mt', labels, palette, printing: false, f });
  const markers = options.plugins?.dashboardMarkers;
  if (!markers) throw new Error('no markers');
  const drawn: Record<string, string> = {
    actual: data.datasets[0]?.borderColor as string,
    targetPace: data.datasets[1]?.borderColor as string,
    baselinePace: data.datasets[2]?.borderColor as string,
    targetLevel: markers.levels?.[0]?.color ?? '',
    baselineLevel: markers.levels?.[1]?.color ?? '',
  };
  expect(new Set(Object.values(drawn)).size).toBe(5);
  const legend = cumulativeLegend(labels, series, palette, t, progress.baselineYear);
  for (const item of legend.filter((entry) => entry.key !== 'today'))
    expect(item.color).toBe(drawn[item.key]);
  // The samples on screen carry those colours.
  const { container } = render(<ChartLegend items={legend} />);
  const strokes = Array.from(container.querySelectorAll('line'), (line) => line.getAttribute('stroke'));
  expect(strokes.slice(0, 5)).toEqual(Object.values(drawn));
});
