import { describe, expect, it } from 'vitest';
import { queryOf, tradesCsvFileName, tradesCsvPath } from './query';

describe('history filters as query strings', () => {
  it('leaves out empty parts and encodes values', () => {
    expect(queryOf({})).toBe('');
    expect(queryOf({ symbol: ' ', strategy: '' })).toBe('');
    expect(queryOf({ status: 'WIN,LOSS', symbol: 'binance:BTCUSDT', from: '2023-03-16T05:00:00+01:00' }))
      .toBe('?status=WIN%2CLOSS&symbol=binance%3ABTCUSDT&from=2023-03-16T05%3A00%3A00%2B01%3A00');
    expect(queryOf({ strategy: 'ema-cross' }, { limit: 500, cursor: null })).toBe('?strategy=ema-cross&limit=500');
  });

  it('builds the CSV export path and a file name that says what it holds', () => {
    expect(tradesCsvPath({})).toBe('/api/trades.csv');
    expect(tradesCsvPath({ symbol: 'ETHUSDT', to: '2023-03-17' })).toBe('/api/trades.csv?symbol=ETHUSDT&to=2023-03-17');
    expect(tradesCsvFileName({})).toBe('trades.csv');
    expect(tradesCsvFileName({ symbol: 'binance:BTCUSDT', strategy: 'ema-cross', status: 'WIN', from: '2023-03-16' }))
      .toBe('trades-binance_BTCUSDT-ema-cross-win-2023-03-16_.csv');
  });
});
