import { useEffect, useRef } from 'react';
import { AreaSeries, ColorType, createChart, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import type { Point } from '../logic/analytics';

interface Props {
  points: Point[];
  color: string;
  testId: string;
  height?: number;
}

/** A time series as an area (the cumulative P&L, the drawdown), on lightweight-charts like the candles. */
export function SeriesChart({ points, color, testId, height = 220 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Area'> | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = createChart(el.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#11161d' }, textColor: '#c9d1d9' },
      grid: { vertLines: { color: '#1e2630' }, horzLines: { color: '#1e2630' } },
      timeScale: { timeVisible: true, borderColor: '#2d3742' },
      rightPriceScale: { borderColor: '#2d3742' },
    });
    series.current = c.addSeries(AreaSeries, { lineColor: color, topColor: color + '66', bottomColor: color + '08', lineWidth: 2 });
    chart.current = c;
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, [color]);

  useEffect(() => {
    series.current?.setData(points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    chart.current?.timeScale().fitContent();
    if (el.current) el.current.dataset.points = String(points.length);
  }, [points]);

  return <div ref={el} className="chart" data-testid={testId} style={{ height }} />;
}
