import { describe, expect, it } from 'vitest';
import type { Api } from './api';
import { DashboardStore } from './store';
import type { OrderRow } from './types';

const order = (id: string, filled: string | null, decisionTime = '2023-03-17T05:17:00Z'): OrderRow => ({
  clientOrderId: id, parentId: null, strategy: 'ema-cross', instrument: 'binance:BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.27384',
  price: null, reduceOnly: false, status: filled ? 'FILLED' : 'SUBMITTED', filledQuantity: filled, averageFillPrice: filled ? '25737.55' : null,
  decisionTime, decisionPrice: '25735.93', positionId: 'p1', lastReason: null,
});

/** An API that answers the store's reads from what the test sets. */
function fakeApi(orders: () => OrderRow[]): Api {
  return {
    key: 'trk_k_secret',
    get: async (path: string) => {
      if (path.startsWith('/api/orders')) return { items: orders(), nextCursor: null, total: orders().length };
      if (path.startsWith('/api/instruments/')) return { instrument: 'binance:BTCUSDT', recentBars: [] };
      if (path === '/api/instruments') return [];
      return {};
    },
  } as unknown as Api;
}

describe('the store without the live feed', () => {
  it('toasts new orders and fills it sees by polling, from the second read on, once each', async () => {
    let rows: OrderRow[] = [order('a1', '0.27384', '2023-03-17T05:10:00Z')];
    const store = new DashboardStore(fakeApi(() => rows), { keyId: 'k', role: 'admin', accounts: ['*'], strategies: ['*'] });
    await store.poll();
    expect(store.getState().toasts).toEqual([]);
    rows = [order('b2', null), ...rows];
    await store.poll();
    expect(store.getState().toasts.map((t) => [t.type, t.source, t.title])).toEqual([['order_submitted', 'poll', 'Order BUY MARKET BTCUSDT']]);
    rows = [order('b2', '0.27384'), ...rows.slice(1)];
    await store.poll();
    await store.poll();
    expect(store.getState().toasts.map((t) => [t.type, t.title, t.body])).toEqual([
      ['order_submitted', 'Order BUY MARKET BTCUSDT', '0.27384 · ema-cross'],
      ['fill', 'Fill BUY BTCUSDT', '0.27384 @ 25737.55 · ema-cross'],
    ]);
    expect(store.getState().tradingVersion).toBe(1);
  });

  it('names the strategy in every history read when the key sees only some', () => {
    const limited = new DashboardStore(fakeApi(() => []), { keyId: 'k', role: 'viewer', accounts: ['*'], strategies: ['rsi-reversion'] });
    expect(limited.scope).toBe('rsi-reversion');
    expect(new DashboardStore(fakeApi(() => []), { keyId: 'k', role: 'viewer', accounts: ['*'], strategies: ['*'] }).scope).toBeUndefined();
  });
});
