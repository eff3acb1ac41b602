import { useState } from 'react';
import { Empty, Section } from '../components/bits';
import { num, signed, symbolOf, time, tone } from '../logic/format';
import { queryOf } from '../logic/query';
import type { DashboardStore, DashState } from '../store';
import type { OrderRow, Page } from '../types';
import { usePoll } from '../usePoll';

const FILTERS: Record<string, string> = {
  all: '',
  open: 'NEW,SUBMITTED,ACCEPTED,PARTIALLY_FILLED',
  filled: 'FILLED',
  cancelled: 'CANCELLED,EXPIRED',
  rejected: 'REJECTED,UNKNOWN',
};

/** Open positions marked at the last close, and the orders (newest first), live. */
export function OrdersPage({ store, s }: { store: DashboardStore; s: DashState }) {
  const [filter, setFilter] = useState('all');
  const filtered = usePoll(
    () => (filter === 'all' ? Promise.resolve(null) : store.api.get<Page<OrderRow>>('/api/orders' + queryOf({ status: FILTERS[filter], strategy: store.scope }, { limit: 100 }))),
    [filter, s.tradingVersion], 4000);
  const page = filter === 'all' ? s.orders : filtered.data;
  const positions = s.status?.openPositions ?? [];
  return (
    <div className="page">
      <Section title={`Open positions (${positions.length})`}>
        {positions.length ? (
          <table className="grid" data-testid="positions">
            <thead><tr><th>Instrument</th><th>Side</th><th className="n">Quantity</th><th className="n">Avg price</th><th className="n">Last</th><th className="n">Unrealized</th><th className="n">Realized</th><th className="n">Fees</th><th>Position</th></tr></thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.positionId}><td>{symbolOf(p.instrument)}</td><td>{p.side}</td><td className="n">{p.quantity}</td><td className="n">{p.averagePrice}</td>
                  <td className="n">{p.lastPrice ?? '—'}</td><td className={`n ${tone(p.unrealizedPnl)}`}>{signed(p.unrealizedPnl, 4)}</td>
                  <td className={`n ${tone(p.realizedPnl)}`}>{signed(p.realizedPnl, 4)}</td><td className="n">{num(p.fees, 4)}</td><td className="mono">{p.positionId}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>Flat: no open position.</Empty>}
      </Section>
      <Section title={`Orders${page ? ` (${page.total})` : ''}`} actions={
        <div className="seg">
          {Object.keys(FILTERS).map((f) => <button key={f} className={f === filter ? 'on' : ''} onClick={() => setFilter(f)} data-testid={`orders-${f}`}>{f}</button>)}
        </div>}>
        {page && page.items.length ? (
          <table className="grid" data-testid="orders" data-total={page.total}>
            <thead><tr><th>Decided</th><th>Order</th><th>Strategy</th><th>Instrument</th><th>Side</th><th>Type</th><th className="n">Qty</th><th className="n">Price</th><th>Status</th><th className="n">Filled</th><th className="n">Avg fill</th><th>Reason</th></tr></thead>
            <tbody>
              {page.items.map((o) => (
                <tr key={o.clientOrderId} data-status={o.status}>
                  <td>{time(o.decisionTime)}</td><td className="mono">{o.clientOrderId}{o.reduceOnly ? ' ↩' : ''}</td><td>{o.strategy}</td><td>{symbolOf(o.instrument)}</td>
                  <td>{o.side}</td><td>{o.type}</td><td className="n">{o.quantity}</td><td className="n">{o.price ?? '—'}</td><td><span className={`status status-${o.status.toLowerCase()}`}>{o.status}</span></td>
                  <td className="n">{o.filledQuantity ?? '—'}</td><td className="n">{o.averageFillPrice ?? '—'}</td><td className="muted">{o.lastReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>{filtered.error ?? 'No orders.'}</Empty>}
      </Section>
    </div>
  );
}
