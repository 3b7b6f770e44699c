import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDayOfMonth } from '../../format/format-date';
import { formatNumber } from '../../format/format-number';

const DAY_SECONDS = 86_400;
/** Tick spacings the x axis may choose from, in seconds (the time scale's unit): 1, 2, 7, 14 and 28 days. */
const DAY_TICK_INCREMENTS = [1, 2, 7, 14, 28].map((days) => days * DAY_SECONDS);

export interface DailyChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
}

/**
 * A line chart over days, drawn by uPlot (small, canvas, no dependencies). The canvas is described in words for
 * screen readers by `summary`; the figures themselves are in the tables beside it.
 */
export function DailyChart(props: {
  readonly title: string;
  readonly summary: string;
  readonly days: readonly string[];
  readonly series: readonly DailyChartSeries[];
  readonly formatValue?: (value: number) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const format = props.formatValue ?? ((value: number) => formatNumber(value));
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        series: [
          {},
          ...props.series.map((series) => ({
            label: series.label,
            stroke: series.color,
            width: 2,
            value: (_chart: uPlot, value: number | null) => (value === null ? '' : format(value)),
          })),
        ],
        scales: { x: { time: true } },
        axes: [
          {
            // Ticks on whole days only: uPlot's default increments go below a day on a short range, which
            // labelled one day several times ("Dec 1, Dec 1, Dec 1").
            incrs: DAY_TICK_INCREMENTS,
            values: (_chart: uPlot, ticks: number[]) => ticks.map((tick) => formatDayOfMonth(tick * 1000)),
          },
          { values: (_chart: uPlot, ticks: number[]) => ticks.map(format), size: 70 },
        ],
      },
      [
        props.days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000),
        ...props.series.map((series) => [...series.values]),
      ],
      element,
    );
    return () => chart.destroy();
  }, [props.days, props.series]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={container} role="img" aria-label={props.summary} />
    </figure>
  );
}
