/**
 * A legend in HTML beside each chart: real text (translated, selectable, read by screen readers)
 * and a sample of each line's dash pattern or each bar's fill, so series differ by more than colour.
 */
export interface LegendStyle {
  kind: 'line' | 'vertical' | 'fill' | 'outline';
  dash: number[];
  width: number;
}

/** One dash pattern per series, shared by the chart and its legend. */
export const LINE_STYLES = {
  actual: { kind: 'line', dash: [], width: 3 },
  projection: { kind: 'line', dash: [6, 4], width: 2.5 },
  targetPace: { kind: 'line', dash: [8, 5], width: 2 },
  baselinePace: { kind: 'line', dash: [1, 5], width: 2.5 },
  targetLevel: { kind: 'line', dash: [14, 4, 2, 4], width: 1.5 },
  baselineLevel: { kind: 'line', dash: [14, 4, 2, 4], width: 1.5 },
  today: { kind: 'vertical', dash: [], width: 1.5 },
  monthActual: { kind: 'fill', dash: [], width: 0 },
  plan: { kind: 'outline', dash: [], width: 2 },
  planToDate: { kind: 'line', dash: [], width: 2.5 },
} satisfies Record<string, LegendStyle>;

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  style: LegendStyle;
}

function Sample({ color, style }: { color: string; style: LegendStyle }) {
  if (style.kind === 'fill' || style.kind === 'outline') {
    return (
      <svg className="dash-legend-sample" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
        <rect
          x="1"
          y="1"
          width="16"
          height="12"
          rx="2"
          fill={color}
          fillOpacity={style.kind === 'fill' ? 1 : 0.22}
          stroke={color}
          strokeWidth={2}
        />
      </svg>
    );
  }
  if (style.kind === 'vertical') {
    return (
      <svg className="dash-legend-sample" width="12" height="16" viewBox="0 0 12 16" aria-hidden="true">
        <line x1="6" y1="1" x2="6" y2="15" stroke={color} strokeWidth={style.width} />
      </svg>
    );
  }
  return (
    <svg className="dash-legend-sample" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line
        x1="2"
        y1="6"
        x2="32"
        y2="6"
        stroke={color}
        strokeWidth={style.width}
        strokeDasharray={style.dash.length > 0 ? style.dash.join(' ') : undefined}
        strokeLinecap={style.dash[0] === 1 ? 'round' : 'butt'}
      />
    </svg>
  );
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="dash-legend">
      {items.map((item) => (
        <li key={item.key}>
          <Sample color={item.color} style={item.style} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
