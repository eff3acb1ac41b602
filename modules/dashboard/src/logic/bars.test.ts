import { describe, expect, it } from 'vitest';
import { candleOf, mergeCandles, resample, type Candle } from './bars';

const t0 = Date.parse('2023-03-16T05:00:00Z') / 1000;
const bar = (minute: number, o: number, h: number, l: number, c: number, v = 1): Candle => ({ time: t0 + minute * 60, open: o, high: h, low: l, close: c, volume: v });

describe('resample', () => {
  it('buckets 1m bars into 5m candles aligned to UTC: first open, extreme high and low, last close, summed volume', () => {
    const ones = [bar(3, 10, 11, 9, 10.5), bar(4, 10.5, 12, 10, 11), bar(5, 11, 11.5, 8, 9, 2), bar(6, 9, 9.5, 8.5, 9.2, 3), bar(9, 9.2, 10, 9, 9.9, 4), bar(10, 9.9, 10, 9.8, 10)];
    expect(resample(ones, 5)).toEqual([
      { time: t0, open: 10, high: 12, low: 9, close: 11, volume: 2 },
      { time: t0 + 300, open: 11, high: 11.5, low: 8, close: 9.9, volume: 9 },
      { time: t0 + 600, open: 9.9, high: 10, low: 9.8, close: 10, volume: 1 },
    ]);
  });

  it('aligns 15m and 1h to the clock, and leaves 1m as it is', () => {
    const ones = Array.from({ length: 90 }, (_, i) => bar(i + 50, 100 + i, 101 + i, 99 + i, 100.5 + i));
    const hours = resample(ones, 60);
    expect(hours.map((c) => new Date(c.time * 1000).toISOString())).toEqual(['2023-03-16T05:00:00.000Z', '2023-03-16T06:00:00.000Z', '2023-03-16T07:00:00.000Z']);
    expect(hours[1]).toMatchObject({ open: 110, close: 169.5, high: 170, low: 109 });
    expect(resample(ones, 15)[0].time).toBe(t0 + 45 * 60);
    expect(resample(ones, 1)).toBe(ones);
  });
});

describe('candles from the API', () => {
  it('reads decimal strings and refuses what is not a bar', () => {
    expect(candleOf({ openTime: '2023-03-16T05:00:00Z', open: '24300.10', high: '24310', low: '24290.5', close: '24301', volume: '12.5' }))
      .toEqual({ time: t0, open: 24300.1, high: 24310, low: 24290.5, close: 24301, volume: 12.5 });
    expect(candleOf({ openTime: 'yesterday', open: '1', high: '1', low: '1', close: '1' })).toBeNull();
    expect(candleOf({ openTime: '2023-03-16T05:00:00Z', open: 'x', high: '1', low: '1', close: '1' })).toBeNull();
  });

  it('merges a later copy of a bar over the earlier one and keeps time order', () => {
    const merged = mergeCandles([bar(0, 1, 2, 0, 1), bar(1, 1, 2, 0, 1.5)], [bar(1, 1, 3, 0, 2), bar(2, 2, 2, 2, 2)]);
    expect(merged.map((c) => [c.time - t0, c.close])).toEqual([[0, 1], [60, 2], [120, 2]]);
    expect(mergeCandles([bar(5, 1, 1, 1, 1)], [bar(2, 1, 1, 1, 1)]).map((c) => c.time - t0)).toEqual([120, 300]);
    expect(mergeCandles([bar(0, 1, 1, 1, 1), bar(1, 1, 1, 1, 1)], [bar(2, 1, 1, 1, 1)], 2).map((c) => c.time - t0)).toEqual([60, 120]);
  });
});
