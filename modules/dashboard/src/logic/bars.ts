// Candles for the chart: 1m bars from the API or the live feed, and the higher timeframes resampled
// from them on the client (buckets aligned to UTC, as the engine's resampling aligns them).

export interface Candle {
  /** Open time, Unix seconds (UTC). */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const TIMEFRAMES = { '1m': 1, '5m': 5, '15m': 15, '1h': 60 } as const;
export type Timeframe = keyof typeof TIMEFRAMES;

/** A bar of the API ({@code openTime} and decimal strings) as a candle; null when it does not read as one. */
export function candleOf(b: { openTime?: unknown; open?: unknown; high?: unknown; low?: unknown; close?: unknown; volume?: unknown }): Candle | null {
  const ms = typeof b.openTime === 'string' ? Date.parse(b.openTime) : NaN;
  const c: Candle = {
    time: Math.floor(ms / 1000),
    open: Number(b.open),
    high: Number(b.high),
    low: Number(b.low),
    close: Number(b.close),
    volume: b.volume === undefined || b.volume === null ? 0 : Number(b.volume),
  };
  return Object.values(c).every(Number.isFinite) ? c : null;
}

/** {@code existing} with {@code incoming} merged in by open time (a later copy of a bar replaces it), oldest first, at most {@code cap}. */
export function mergeCandles(existing: readonly Candle[], incoming: readonly Candle[], cap = 5000): Candle[] {
  if (incoming.length === 0) {
    return existing as Candle[];
  }
  const last = existing.length ? existing[existing.length - 1].time : -Infinity;
  let out: Candle[];
  if (incoming.every((c, i) => c.time > last && (i === 0 || c.time > incoming[i - 1].time))) {
    out = existing.concat(incoming);
  } else {
    const byTime = new Map<number, Candle>();
    for (const c of existing) byTime.set(c.time, c);
    for (const c of incoming) byTime.set(c.time, c);
    out = [...byTime.values()].sort((a, b) => a.time - b.time);
  }
  return out.length > cap ? out.slice(out.length - cap) : out;
}

/** The start (Unix seconds) of the {@code minutes}-bucket that {@code time} falls in. */
export function bucketStart(time: number, minutes: number): number {
  const size = minutes * 60;
  return Math.floor(time / size) * size;
}

/**
 * 1m candles (oldest first) as candles of {@code minutes}: open of the first, high and low over all,
 * close of the last, volumes added. The newest bucket may still be forming.
 */
export function resample(bars: readonly Candle[], minutes: number): Candle[] {
  if (minutes <= 1) {
    return bars as Candle[];
  }
  const out: Candle[] = [];
  let current: Candle | null = null;
  for (const b of bars) {
    const start = bucketStart(b.time, minutes);
    if (current && current.time === start) {
      current.high = Math.max(current.high, b.high);
      current.low = Math.min(current.low, b.low);
      current.close = b.close;
      current.volume += b.volume;
    } else {
      current = { time: start, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume };
      out.push(current);
    }
  }
  return out;
}
