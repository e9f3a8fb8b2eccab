import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Colours of the runs in multi-run charts. */
export const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#be185d',
  '#4d7c0f',
];

/** A uPlot chart for given options and data; rebuilt when `deps` change, data replaced otherwise. */
export function Plot(props: {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  /** Rebuilds the chart when it changes (series, scales). */
  shape: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the shape changes
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot({ ...props.options, width: Math.max(300, el.clientWidth) }, props.data, el);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [props.shape]);
  useEffect(() => {
    plot.current?.setData(props.data);
  }, [props.data]);
  return <div ref={box} className="plot" data-testid={props.testId} />;
}
