/**
 * Chart.js with only what the dashboard draws (tree-shaken), plus the dashboard's own marker
 * plugin: level lines at the annual target and the baseline year's total, and a vertical line at
 * the as-of date, each labelled on the chart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Decimation,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
  type ChartOptions,
} from 'chart.js';
import type { DashboardFormat } from './formatters';
import { PRINT_PIXEL_RATIO } from './printing';
import type { ChartPalette } from './palette';

ChartJS.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Tooltip,
  Decimation,
);

export interface MarkerLevel {
  value: number;
  label: string;
  color: string;
  dash: number[];
}

export interface MarkerOptions {
  levels: MarkerLevel[];
  /** x of the as-of date, or -1 for none. */
  todayX: number;
  todayLabel: string;
  todayColor: string;
  textColor: string;
  plateColor: string;
  fontFamily: string;
  fontSize: number;
}

/** The month in progress on the monthly chart: a bar across its plan at the plan to date. */
export interface PlanToDateOptions {
  /** The month's index (0 = January), or -1 when no month is in progress. */
  index: number;
  /** The plan to date in the chart's unit. */
  value: number;
  color: string;
}

declare module 'chart.js' {
  // The type parameter must repeat Chart.js's own declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    dashboardMarkers?: MarkerOptions | false;
    planToDate?: PlanToDateOptions | false;
  }
}

/** Draws the plan to date across the running month's plan bar (dataset 1), a little wider than it. */
export const planToDatePlugin: Plugin<'bar'> = {
  id: 'planToDate',
  afterDatasetsDraw(chart, _args, options) {
    const marker = options as unknown as PlanToDateOptions | undefined;
    if (!marker || typeof marker.index !== 'number' || marker.index < 0) return;
    const bar = chart.getDatasetMeta(1).data[marker.index] as unknown as
      { x: number; width: number } | undefined;
    const y = chart.scales.y;
    if (!bar || !y) return;
    const py = Math.round(y.getPixelForValue(marker.value)) + 0.5;
    const half = bar.width / 2 + 3;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = marker.color;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(bar.x - half, py);
    ctx.lineTo(bar.x + half, py);
    ctx.stroke();
    ctx.restore();
  },
};

export const FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

function drawLabel(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  align: 'left' | 'right',
  options: MarkerOptions,
  color: string,
): void {
  const padX = 4;
  const height = options.fontSize + 4;
  const width = ctx.measureText(text).width + padX * 2;
  const left = align === 'left' ? x : x - width;
  ctx.fillStyle = options.plateColor;
  ctx.globalAlpha = 0.88;
  ctx.fillRect(left, y - height / 2, width, height);
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(text, left + padX, y);
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export const markersPlugin: Plugin<'line'> = {
  id: 'dashboardMarkers',
  afterDatasetsDraw(chart, _args, options) {
    const markers = options as unknown as MarkerOptions | undefined;
    if (!markers || !Array.isArray(markers.levels)) return;
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    const y = scales.y;
    if (!x || !y) return;
    ctx.save();
    ctx.font = `600 ${markers.fontSize}px ${markers.fontFamily}`;
    const plateHeight = markers.fontSize + 4;

    // Where today's label goes, worked out first so a level's label can keep clear of it.
    let today: { px: number; align: 'left' | 'right'; y: number; box: Box } | null = null;
    if (markers.todayX >= 0) {
      const px = Math.round(x.getPixelForValue(markers.todayX)) + 0.5;
      if (px >= chartArea.left && px <= chartArea.right) {
        // The label sits beside the line, on the side with room.
        const width = ctx.measureText(markers.todayLabel).width + 8;
        const align = px + 4 + width > chartArea.right ? 'right' : 'left';
        const labelY = chartArea.top + markers.fontSize / 2 + 4;
        const left = align === 'left' ? px + 4 : px - 4 - width;
        const box = {
          left,
          right: left + width,
          top: labelY - plateHeight / 2,
          bottom: labelY + plateHeight / 2,
        };
        today = { px, align, y: labelY, box };
      }
    }

    for (const level of markers.levels) {
      const py = Math.round(y.getPixelForValue(level.value)) + 0.5;
      if (py < chartArea.top - 1 || py > chartArea.bottom + 1) continue;
      ctx.strokeStyle = level.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(level.dash);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, py);
      ctx.lineTo(chartArea.right, py);
      ctx.stroke();
      ctx.setLineDash([]);
      // Above the line, or below it when the line runs along the top of the plot or today's label
      // would cover it (a narrow chart on paper).
      const offset = markers.fontSize / 2 + 4;
      const above = py - offset;
      const below = py + offset;
      const left = chartArea.left + 6;
      const width = ctx.measureText(level.label).width + 8;
      const box = (at: number): Box => ({
        left,
        right: left + width,
        top: at - plateHeight / 2,
        bottom: at + plateHeight / 2,
      });
      let labelY = above - markers.fontSize / 2 < chartArea.top ? below : above;
      if (today && overlaps(box(labelY), today.box)) {
        const other = labelY === above ? below : above;
        if (!overlaps(box(other), today.box) && other - plateHeight / 2 >= chartArea.top) labelY = other;
      }
      drawLabel(ctx, level.label, left, labelY, 'left', markers, level.color);
    }

    if (today) {
      ctx.strokeStyle = markers.todayColor;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(today.px, chartArea.top);
      ctx.lineTo(today.px, chartArea.bottom);
      ctx.stroke();
      drawLabel(
        ctx,
        markers.todayLabel,
        today.align === 'left' ? today.px + 4 : today.px - 4,
        today.y,
        today.align,
        markers,
        markers.textColor,
      );
    }
    ctx.restore();
  },
};

/**
 * The tonnes axis both charts share: from zero, in the unit the data is scaled to, the grid and
 * ticks in the theme's colours, tick labels with just enough decimals to tell them apart.
 */
export function quantityAxis(
  palette: ChartPalette,
  font: { family: string; size: number },
  f: DashboardFormat,
  unit: Parameters<DashboardFormat['unit']>[0],
  maxTicksLimit: number,
  grace?: string,
): NonNullable<NonNullable<ChartOptions<'line' | 'bar'>['scales']>['y']> {
  return {
    type: 'linear',
    beginAtZero: true,
    ...(grace ? { grace } : {}),
    grid: { color: palette.grid },
    border: { display: false },
    title: { display: true, text: f.unit(unit), color: palette.muted, font },
    ticks: {
      color: palette.muted,
      font,
      maxTicksLimit,
      callback: (value, _index, ticks) =>
        f.tick(
          Number(value),
          ticks.map((tick) => tick.value),
        ),
    },
  };
}

export function chartFont(printing: boolean): { family: string; size: number } {
  return { family: FONT_FAMILY, size: printing ? 9 : 12 };
}

/**
 * What every dashboard chart shares: Chart.js's performance guidance (no animation, data already
 * normalised and parsed), a size set by its container, a sharper raster for paper, and a tooltip
 * that lists every series at the pointed x.
 */
export function baseChartOptions(printing: boolean) {
  return {
    animation: false,
    normalized: true,
    parsing: false,
    maintainAspectRatio: false,
    devicePixelRatio: printing ? PRINT_PIXEL_RATIO : undefined,
    interaction: { mode: 'index', intersect: false, axis: 'x' },
  } as const;
}

/** The tooltip's look on both charts, in the theme's colours; none on paper. */
export function tooltipLook(palette: ChartPalette, printing: boolean) {
  return {
    enabled: !printing,
    backgroundColor: palette.surface,
    borderColor: palette.grid,
    borderWidth: 1,
    titleColor: palette.text,
    bodyColor: palette.text,
    footerColor: palette.text,
    titleFont: { family: FONT_FAMILY, size: 13, weight: 'bold' },
    bodyFont: { family: FONT_FAMILY, size: 13 },
    footerFont: { family: FONT_FAMILY, size: 13, weight: 'bold' },
    padding: 10,
    boxPadding: 4,
  } as const;
}
