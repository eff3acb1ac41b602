import { useEffect, useRef } from 'react';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Candle } from '../logic/bars';

export interface ChartMarker {
  time: number;
  position: 'aboveBar' | 'belowBar' | 'inBar';
  shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
  color: string;
  text: string;
}

export interface ChartLine {
  price: number;
  color: string;
  title: string;
}

interface Props {
  candles: Candle[];
  markers: ChartMarker[];
  lines: ChartLine[];
  height?: number;
}

/**
 * TradingView's lightweight-charts candlesticks with markers (signals, entries, exits) and price
 * lines (resting stops, the open position's entry). New candles are appended in place; the
 * container says how many candles it shows and the newest one's open time (data-candles,
 * data-last-time) for people and browser tests alike.
 */
export function CandleChart({ candles, markers, lines, height = 420 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const markerApi = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const shown = useRef<{ first: number; count: number; last: number }>({ first: -1, count: 0, last: -1 });
  const priceLines = useRef<IPriceLine[]>([]);

  useEffect(() => {
    if (!el.current) return;
    const c = createChart(el.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#11161d' }, textColor: '#c9d1d9' },
      grid: { vertLines: { color: '#1e2630' }, horzLines: { color: '#1e2630' } },
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#2d3742' },
      rightPriceScale: { borderColor: '#2d3742' },
    });
    const s = c.addSeries(CandlestickSeries, {
      upColor: '#26a65b', downColor: '#dc3545', borderVisible: false, wickUpColor: '#26a65b', wickDownColor: '#dc3545',
    });
    chart.current = c;
    series.current = s;
    markerApi.current = createSeriesMarkers(s, []);
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
      markerApi.current = null;
      priceLines.current = [];
      shown.current = { first: -1, count: 0, last: -1 };
    };
  }, []);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    const data = candles.map((c) => ({ time: c.time as UTCTimestamp, open: c.open, high: c.high, low: c.low, close: c.close }));
    const prev = shown.current;
    const first = data.length ? (data[0].time as number) : -1;
    const last = data.length ? (data[data.length - 1].time as number) : -1;
    if (prev.count > 0 && first === prev.first && data.length >= prev.count && data.length <= prev.count + 1 && last >= prev.last) {
      s.update(data[data.length - 1]); // the newest candle grew or a new one opened
    } else {
      s.setData(data);
      if (prev.count === 0 && data.length) chart.current?.timeScale().fitContent();
    }
    shown.current = { first, count: data.length, last };
    if (el.current) {
      el.current.dataset.candles = String(data.length);
      el.current.dataset.lastTime = last > 0 ? new Date(last * 1000).toISOString() : '';
    }
  }, [candles]);

  useEffect(() => {
    const times = new Set(candles.map((c) => c.time));
    const visible = markers.filter((m) => times.has(m.time)).sort((a, b) => a.time - b.time);
    markerApi.current?.setMarkers(visible.map((m) => ({ ...m, time: m.time as UTCTimestamp }) as SeriesMarker<Time>));
    if (el.current) el.current.dataset.markers = String(visible.length);
  }, [markers, candles]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    priceLines.current.forEach((l) => s.removePriceLine(l));
    priceLines.current = lines.map((l) => s.createPriceLine({ price: l.price, color: l.color, title: l.title, lineWidth: 1, lineStyle: 2, axisLabelVisible: true }));
    if (el.current) el.current.dataset.lines = String(lines.length);
  }, [lines]);

  return <div ref={el} className="chart" data-testid="candle-chart" style={{ height }} />;
}
