import type { JSX } from 'hono/jsx/jsx-runtime';
import { Table } from '../table/index.tsx';

export type ChartPoint = {
  /** The category under the bar or point: "mars 2026". */
  label: string;
  /** A shorter label for the axis when space is short: "mars". */
  shortLabel?: string;
  value: number;
  /** Shown instead of the number, in the chart and the table: "< 5" for a hidden small count. */
  display?: string;
};

export type ChartProps = {
  /** Unique on the page. */
  id: string;
  /** Says what the chart shows; the figure's caption and the data table's caption. */
  title: string;
  /** The name of the categories (first column of the table): "Mois". */
  categoryLabel: string;
  /** The name of the values (second column): "Accompagnements". */
  valueLabel: string;
  points: ChartPoint[];
  /** Hides the data table inside a "Voir les données" disclosure instead of showing it under the chart. */
  tableCollapsed?: boolean;
  formatValue?: (value: number) => string;
};

const integer = new Intl.NumberFormat('fr-FR');

/** Sizes in SVG units; the SVG is drawn at 1 unit = 1/16 rem, so it follows the text size preference. */
const layout = { left: 64, right: 16, top: 28, plot: 200, bottom: 48, step: 64, bar: 36 } as const;

/**
 * A round maximum for the axis, with four equal steps of a simple number.
 * @example axisMaximum(37) // 40
 */
export function axisMaximum(max: number): number {
  if (max <= 0) return 4;
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 1.5, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return Math.max(4, Math.ceil(step) * 4);
}

function Frame(props: ChartProps & { summary: string; width: number; height: number; children: JSX.Element[] }) {
  const titleId = `${props.id}-titre`;
  const format = props.formatValue ?? ((n: number) => integer.format(n));
  const table = (
    <Table
      id={`${props.id}-donnees`}
      caption={`${props.title} : les données`}
      captionSize="s"
      firstCellIsHeader
      head={[props.categoryLabel, { text: props.valueLabel, numeric: true }]}
      rows={props.points.map((p) => [p.label, p.display ?? format(p.value)])}
    />
  );
  return (
    <figure class="r-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="r-chart__title">
        {props.title}
      </figcaption>
      <div class="r-chart__scroll" role="region" aria-label={`${props.title} (graphique)`} tabindex={0}>
        <svg class="r-chart__svg" role="img" aria-label={`${props.title}. ${props.summary}`} viewBox={`0 0 ${props.width} ${props.height}`} width={`${props.width / 16}rem`} height={`${props.height / 16}rem`} focusable="false">
          {props.children}
        </svg>
      </div>
      {props.tableCollapsed ? (
        <details class="r-details r-chart__details">
          <summary class="r-details__summary">
            <span class="r-details__summary-text">Voir les données du graphique</span>
          </summary>
          <div class="r-details__text">{table}</div>
        </details>
      ) : (
        table
      )}
    </figure>
  );
}

/** The spoken summary: how many points, the highest and the lowest. */
function summaryOf(props: ChartProps): string {
  const format = props.formatValue ?? ((n: number) => integer.format(n));
  const shown = props.points.filter((p) => p.display === undefined);
  if (shown.length === 0) return 'Aucune donnée.';
  const highest = shown.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = shown.reduce((a, b) => (b.value < a.value ? b : a));
  return `${props.points.length} valeurs. La plus haute : ${highest.label}, ${format(highest.value)}. La plus basse : ${lowest.label}, ${format(lowest.value)}. Les données sont dans le tableau qui suit.`;
}

function axis(props: ChartProps, max: number, width: number): JSX.Element[] {
  const format = props.formatValue ?? ((n: number) => integer.format(n));
  const ticks = [0, 1, 2, 3, 4].map((i) => (max * i) / 4);
  return ticks.map((t) => {
    const y = layout.top + layout.plot - (t / max) * layout.plot;
    return (
      <g class="r-chart__tick">
        <line class={t === 0 ? 'r-chart__baseline' : 'r-chart__grid'} x1={layout.left} x2={width - layout.right} y1={y} y2={y} />
        <text class="r-chart__axis-label" x={layout.left - 8} y={y + 5} text-anchor="end">
          {format(t)}
        </text>
      </g>
    );
  });
}

function categoryLabel(p: ChartPoint, x: number): JSX.Element {
  return (
    <text class="r-chart__axis-label" x={x} y={layout.top + layout.plot + 24} text-anchor="middle">
      {p.shortLabel ?? p.label}
    </text>
  );
}

/**
 * A column chart drawn in SVG, followed by its data table (the table is what screen readers and people who prefer
 * figures read; the SVG is one image with a spoken summary). Works without JavaScript and CSS.
 *
 * @example
 * <BarChart id="mois" title="Accompagnements par mois" categoryLabel="Mois" valueLabel="Accompagnements"
 *   points={[{ label: 'janvier 2026', shortLabel: 'janv.', value: 42 }, { label: 'février 2026', shortLabel: 'févr.', value: 37 }]} />
 */
export function BarChart(props: ChartProps): JSX.Element {
  const format = props.formatValue ?? ((n: number) => integer.format(n));
  const max = axisMaximum(Math.max(0, ...props.points.map((p) => p.value)));
  const width = layout.left + Math.max(1, props.points.length) * layout.step + layout.right;
  const height = layout.top + layout.plot + layout.bottom;
  const bars = props.points.map((p, i) => {
    const x = layout.left + i * layout.step + (layout.step - layout.bar) / 2;
    const h = p.display !== undefined ? 0 : (p.value / max) * layout.plot;
    const y = layout.top + layout.plot - h;
    return (
      <g>
        <rect class={p.display !== undefined ? 'r-chart__bar r-chart__bar--hidden' : 'r-chart__bar'} x={x} y={y} width={layout.bar} height={h} />
        <text class="r-chart__value" x={x + layout.bar / 2} y={y - 6} text-anchor="middle">
          {p.display ?? format(p.value)}
        </text>
        {categoryLabel(p, x + layout.bar / 2)}
      </g>
    );
  });
  return (
    <Frame {...props} summary={summaryOf(props)} width={width} height={height}>
      {[...axis(props, max, width), ...bars]}
    </Frame>
  );
}

/**
 * A line chart for a trend over time, drawn in SVG with a point per value, followed by its data table.
 *
 * @example
 * <LineChart id="tendance" title="Personnes accompagnées par mois" categoryLabel="Mois" valueLabel="Personnes"
 *   points={[{ label: 'janvier 2026', value: 12 }, { label: 'février 2026', value: 18 }]} />
 */
export function LineChart(props: ChartProps): JSX.Element {
  const format = props.formatValue ?? ((n: number) => integer.format(n));
  const max = axisMaximum(Math.max(0, ...props.points.map((p) => p.value)));
  const width = layout.left + Math.max(1, props.points.length) * layout.step + layout.right;
  const height = layout.top + layout.plot + layout.bottom;
  const at = (p: ChartPoint, i: number) => ({ x: layout.left + i * layout.step + layout.step / 2, y: layout.top + layout.plot - ((p.display !== undefined ? 0 : p.value) / max) * layout.plot });
  const path = props.points.map((p, i) => `${at(p, i).x},${at(p, i).y}`).join(' ');
  const points = props.points.map((p, i) => {
    const { x, y } = at(p, i);
    return (
      <g>
        <circle class="r-chart__point" cx={x} cy={y} r={5} />
        <text class="r-chart__value" x={x} y={y - 10} text-anchor="middle">
          {p.display ?? format(p.value)}
        </text>
        {categoryLabel(p, x)}
      </g>
    );
  });
  return (
    <Frame {...props} summary={summaryOf(props)} width={width} height={height}>
      {[...axis(props, max, width), <polyline class="r-chart__line" points={path} />, ...points]}
    </Frame>
  );
}
