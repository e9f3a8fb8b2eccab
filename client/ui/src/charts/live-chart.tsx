import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useSubscription } from '../api/hooks.ts';
import { LiveSeries } from '../api/runs.ts';
import { ErrorBox } from '../components/common.tsx';
import type { SeriesAxis } from '../gql/graphql.ts';
import { axisValue, BucketSet, type StepValue, stepAt, toPlotData } from './series.ts';

const HEIGHT = 240;

/** uPlot options for one run's metric: last value line with a min/max band. */
function options(
  width: number,
  axis: SeriesAxis,
  log: boolean,
  onZoom: (a: number, b: number) => void,
  stepBase: () => bigint,
) {
  // step labels are exact: x is an offset from the chart's step base (see BucketSet.stepBase)
  const stepLabels = (_u: uPlot, splits: number[]) =>
    splits.map((v) => String(stepAt(v, stepBase())));
  return {
    width,
    height: HEIGHT,
    scales: {
      x: { time: axis === 'WALL_TIME' },
      y: log ? { distr: 3 as const } : {},
    },
    axes: axis === 'STEP' ? [{ values: stepLabels }, {}] : undefined,
    series: [
      { label: axis === 'STEP' ? 'step' : axis === 'WALL_TIME' ? 'time' : 'seconds' },
      { label: 'value', stroke: '#2563eb', width: 1.5, spanGaps: true },
      { label: 'min', stroke: 'rgba(37,99,235,0.25)', width: 0.5, spanGaps: true },
      { label: 'max', stroke: 'rgba(37,99,235,0.25)', width: 0.5, spanGaps: true },
    ],
    bands: [{ series: [3, 2] as [number, number], fill: 'rgba(37,99,235,0.12)' }],
    cursor: { drag: { x: true, y: false, setScale: false } },
    hooks: {
      setSelect: [
        (u: uPlot) => {
          if (u.select.width < 2) return;
          const a = u.posToVal(u.select.left, 'x');
          const b = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          onZoom(a, b);
        },
      ],
    },
  };
}

/**
 * A live chart of one metric of one run, driven by the `liveSeries` subscription: the server
 * downsamples into about one bucket per two pixels, so the browser never receives more points
 * than it can draw. Zooming (drag across) subscribes again for the selected range.
 */
export function LiveChart(props: { runId: string; metricKey: string; runStart: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const set = useRef(new BucketSet());
  const [axis, setAxis] = useState<SeriesAxis>('STEP');
  const [log, setLog] = useState(false);
  const [range, setRange] = useState<{ start: StepValue; end: StepValue } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // a stream that ended in an error (SUBSCRIBER_LAGGED, a dropped connection) is opened again
  const [attempt, setAttempt] = useState(0);
  const [width, setWidth] = useState(800);
  const axisRef = useRef(axis);
  axisRef.current = axis;
  /** The step the drawn x counts from (0n for an ordinary series), as of the last draw. */
  const baseRef = useRef(0n);

  // follow the box's width in 50 px steps (a new width redraws and asks for as many buckets)
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(300, Math.floor((el.clientWidth - 20) / 50) * 50));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const draw = () => {
    const u = plot.current;
    const el = box.current;
    if (!u || !el) return;
    baseRef.current = set.current.stepBase();
    u.setData(toPlotData(set.current, axisRef.current, props.runStart, baseRef.current));
    // read by tests and the UI bench: the newest step on screen (exact), after it is drawn
    el.dataset.lastStep = String(set.current.lastStep());
    el.dataset.buckets = String(set.current.buckets.size);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: draw reads refs
  useEffect(() => {
    const el = box.current?.querySelector('.plot');
    if (!el) return;
    const onZoom = (a: number, b: number) => {
      const lo = axisValue(Math.min(a, b), axisRef.current, baseRef.current);
      const hi = axisValue(Math.max(a, b), axisRef.current, baseRef.current);
      if (BigInt(hi) > BigInt(lo)) setRange({ start: lo, end: hi });
    };
    const opts = options(width, axis, log, onZoom, () => baseRef.current);
    const u = new uPlot(opts, [[], [], [], []], el as HTMLElement);
    plot.current = u;
    draw();
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [axis, log, width]);

  const buckets = Math.max(50, Math.min(2000, Math.round(width / 2)));
  useSubscription(
    LiveSeries,
    { runIds: [props.runId], key: props.metricKey, buckets, axis, range: range ?? undefined },
    (d) => {
      setError(null);
      set.current.apply(d.liveSeries, props.runId);
      draw();
    },
    {
      onError: (e) => {
        setError(e);
        setTimeout(() => setAttempt((a) => a + 1), 2000);
      },
      attempt,
    },
  );
  // a new subscription starts with a full frame: drop what the old one drew
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new subscription
  useEffect(() => {
    set.current = new BucketSet();
    draw();
  }, [axis, range, props.metricKey, buckets, attempt]);

  return (
    <div
      className="chart"
      ref={box}
      data-testid={`chart-${props.metricKey}`}
      data-last-step="-1"
      data-range={range ? `${range.start}..${range.end}` : 'open'}
    >
      <div className="chart-bar">
        <strong>{props.metricKey}</strong>
        <select
          aria-label="x-axis"
          value={axis}
          onChange={(e) => {
            setRange(null);
            setAxis(e.target.value as SeriesAxis);
          }}
        >
          <option value="STEP">step</option>
          <option value="WALL_TIME">wall time</option>
          <option value="RELATIVE_TIME">relative time</option>
        </select>
        <label>
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log
          scale
        </label>
        {range && (
          <button type="button" onClick={() => setRange(null)}>
            Reset zoom
          </button>
        )}
        <span className="muted">drag across the chart to zoom</span>
      </div>
      <ErrorBox error={error} />
      <div className="plot" />
    </div>
  );
}
