import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A bar per category (a tenant, a tier, a status), drawn by uPlot like the dashboard's line charts: the x axis
 * is the categories' positions, labelled with their names. The canvas is described for screen readers by
 * `summary`; the figures themselves are in the table beside it.
 */
export function CategoryBarChart(props: {
  readonly title: string;
  readonly summary: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly seriesLabel: string;
  readonly formatValue: (value: number) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null || props.labels.length === 0) return undefined;
    const bars = uPlot.paths.bars?.({ size: [0.6, 80] });
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 240,
        legend: { show: false },
        scales: {
          x: { time: false, range: [-0.5, props.labels.length - 0.5] },
          y: { range: (_chart, _min, max) => [0, Math.max(1, max)] },
        },
        series: [
          {},
          {
            label: props.seriesLabel,
            fill: '#1f5fa8',
            stroke: '#1f5fa8',
            ...(bars === undefined ? {} : { paths: bars }),
            points: { show: false },
            value: (_chart: uPlot, value: number | null) => (value === null ? '' : props.formatValue(value)),
          },
        ],
        axes: [
          {
            splits: () => props.labels.map((_label, index) => index),
            values: (_chart: uPlot, ticks: number[]) => ticks.map((tick) => props.labels[tick] ?? ''),
          },
          { values: (_chart: uPlot, ticks: number[]) => ticks.map(props.formatValue), size: 90 },
        ],
      },
      [props.labels.map((_label, index) => index), [...props.values]],
      element,
    );
    return () => chart.destroy();
  }, [props.labels, props.values]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={container} role="img" aria-label={props.summary} />
    </figure>
  );
}
