/**
 * Paper: a chart draws at its print box's size before the page is laid out; back on screen, it fits
 * its box again. Chart.js would otherwise keep the screen's size on the page.
 */
import type { Chart } from 'chart.js';
import { useEffect, type RefObject } from 'react';

export function usePrintSize(
  chartRef: RefObject<Pick<Chart, 'resize'> | null>,
  printing: boolean,
  size: { width: number; height: number },
): void {
  const { width, height } = size;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (printing) chart.resize(width, height);
    else chart.resize();
  }, [chartRef, printing, width, height]);
}
