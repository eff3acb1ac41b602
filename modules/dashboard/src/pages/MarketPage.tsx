import { useMemo, useState } from 'react';
import { CandleChart, type ChartLine, type ChartMarker } from '../components/CandleChart';
import { Chip, Empty, Section } from '../components/bits';
import { bucketStart, resample, TIMEFRAMES, type Timeframe } from '../logic/bars';
import { num, symbolOf, time } from '../logic/format';
import { queryOf } from '../logic/query';
import type { DashboardStore, DashState, LiveSignal } from '../store';
import type { OrderRow, Page, SignalRow, TradeRow } from '../types';
import { usePoll } from '../usePoll';

const OPEN = new Set(['NEW', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED']);

/** One instrument's live candles with its signals, entries, exits and stops; 1m from the node, 5m/15m/1h resampled here. */
export function MarketPage({ store, s }: { store: DashboardStore; s: DashState }) {
  const ids = s.instruments.length ? s.instruments.map((i) => i.id) : Object.keys(s.candles);
  const [chosen, setChosen] = useState<string | null>(null);
  const [tf, setTf] = useState<Timeframe>('1m');
  const id = chosen && ids.includes(chosen) ? chosen : ids[0];
  const blackouts = new Map((s.risk?.newsBlackouts ?? []).map((b) => [b.instrument, b]));

  const history = usePoll(async () => {
    if (!id) return null;
    const q = (extra: Record<string, string | number>) => queryOf({ symbol: id, strategy: store.scope }, extra);
    const [signals, orders, trades] = await Promise.all([
      store.api.get<Page<SignalRow>>('/api/signals' + q({ limit: 300 })),
      store.api.get<Page<OrderRow>>('/api/orders' + q({ limit: 300 })),
      store.api.get<Page<TradeRow>>('/api/trades' + q({ limit: 200 })),
    ]);
    return { signals: signals.items, orders: orders.items, trades: trades.items };
  }, [id, s.tradingVersion], 5000);

  const minutes = TIMEFRAMES[tf];
  const candles = useMemo(() => resample(id ? s.candles[id] ?? [] : [], minutes), [s.candles, id, minutes]);
  const liveSignals = useMemo(() => s.liveSignals.filter((x) => x.instrument === id), [s.liveSignals, id]);
  const markers = useMemo(() => buildMarkers(history.data, liveSignals, minutes), [history.data, liveSignals, minutes]);
  const lines = useMemo(() => buildLines(history.data?.orders ?? [], s.status?.openPositions.filter((p) => p.instrument === id) ?? []),
    [history.data, s.status, id]);

  if (!id) return <Empty>No instruments configured.</Empty>;
  const last = candles.length ? candles[candles.length - 1] : null;
  return (
    <div className="page">
      <div className="toolbar">
        <div className="seg" role="tablist" aria-label="instrument">
          {ids.map((i) => (
            <button key={i} role="tab" aria-selected={i === id} className={i === id ? 'on' : ''} onClick={() => setChosen(i)} data-testid={`instrument-${symbolOf(i)}`}>
              {symbolOf(i)} {blackouts.has(i) && <Chip tone="warn" testId="news-chip" title={`${blackouts.get(i)!.event} until ${blackouts.get(i)!.until}`}>NEWS</Chip>}
            </button>
          ))}
        </div>
        <div className="seg" role="tablist" aria-label="timeframe">
          {(Object.keys(TIMEFRAMES) as Timeframe[]).map((t) => (
            <button key={t} role="tab" aria-selected={t === tf} className={t === tf ? 'on' : ''} onClick={() => setTf(t)} data-testid={`tf-${t}`}>{t}</button>
          ))}
        </div>
        <div className="muted">
          {last ? `${symbolOf(id)} ${tf} · O ${num(last.open, 8)} H ${num(last.high, 8)} L ${num(last.low, 8)} C ${num(last.close, 8)} · ${time(new Date(last.time * 1000).toISOString())}` : 'no bars yet'}
        </div>
      </div>
      <CandleChart candles={candles} markers={markers} lines={lines} />
      <div className="legend muted">
        <span className="lg sig-long">▲ long signal</span> <span className="lg sig-short">▼ short/flat signal</span> <span className="lg sig-refused">● refused</span> <span className="lg sig-ignored">● nothing to do</span>{' '}
        <span className="lg entry">■ entry</span> <span className="lg exit">■ exit</span> <span className="lg stop">– – stop</span>{' '}
        · history: the node's recent bars and everything since this page opened
      </div>
      <Section title={`Signals on ${symbolOf(id)}`}>
        {history.data && history.data.signals.length ? (
          <table className="grid">
            <thead><tr><th>Time</th><th>Strategy</th><th>TF</th><th>Direction</th><th className="n">Conf.</th><th className="n">Price</th><th>Regime</th><th>Decision</th><th>Stop</th></tr></thead>
            <tbody>
              {history.data.signals.slice(0, 20).map((x) => (
                <tr key={x.signalId}><td>{time(x.time)}</td><td>{x.strategy}</td><td>{x.timeframe}</td><td>{x.direction}</td>
                  <td className="n">{x.confidence === null ? '—' : x.confidence.toFixed(2)}</td><td className="n">{x.price ?? '—'}</td><td>{x.regime ?? '—'}</td>
                  <td title={x.decisionReason ?? ''}>{x.decision ?? '—'}{x.decisionRule ? ` (${x.decisionRule})` : ''}</td><td>{x.decisionStop ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>{history.error ?? 'No signals yet.'}</Empty>}
      </Section>
    </div>
  );
}

type History = { signals: SignalRow[]; orders: OrderRow[]; trades: TradeRow[] } | null;

function at(iso: string | null | undefined, minutes: number): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? bucketStart(Math.floor(t / 1000), minutes) : null;
}

function buildMarkers(h: History, live: LiveSignal[], minutes: number): ChartMarker[] {
  const out: ChartMarker[] = [];
  const seen = new Set<string>();
  for (const x of h?.signals ?? []) {
    const t = at(x.time, minutes);
    if (t === null) continue;
    seen.add(`${x.strategy}|${x.time}`);
    const long = x.direction === 'LONG';
    if (x.decision === 'IGNORED') {
      // nothing to act on (a FLAT with nothing held): a faint dot, no label
      out.push({ time: t, position: long ? 'belowBar' : 'aboveBar', shape: 'circle', color: '#484f58', text: '' });
      continue;
    }
    const refused = x.decision === 'REJECTED';
    out.push({ time: t, position: long ? 'belowBar' : 'aboveBar', shape: refused ? 'circle' : long ? 'arrowUp' : 'arrowDown',
      color: refused ? '#8b949e' : long ? '#3fb950' : '#f0883e', text: refused ? `${x.direction} refused (${x.decisionRule ?? ''})` : x.direction });
  }
  for (const x of live) {
    const t = at(x.time, minutes);
    if (t === null || seen.has(`${x.strategy}|${x.time}`)) continue;
    const long = x.direction === 'LONG';
    out.push({ time: t, position: long ? 'belowBar' : 'aboveBar', shape: long ? 'arrowUp' : 'arrowDown', color: long ? '#3fb950' : '#f0883e', text: x.direction });
  }
  for (const tr of h?.trades ?? []) {
    const e = at(tr.entryTime, minutes);
    const x = at(tr.exitTime, minutes);
    if (e !== null) out.push({ time: e, position: tr.side === 'SHORT' ? 'aboveBar' : 'belowBar', shape: 'square', color: '#58a6ff', text: `entry ${num(tr.entryPrice, 8)}` });
    if (x !== null) out.push({ time: x, position: tr.side === 'SHORT' ? 'belowBar' : 'aboveBar', shape: 'square', color: '#d2a8ff', text: `${tr.exitKind ?? 'exit'} ${num(tr.exitPrice, 8)}` });
  }
  // entries of positions still open: filled orders that opened something no closed trade covers yet
  const closed = new Set((h?.trades ?? []).map((t) => t.positionId));
  for (const o of h?.orders ?? []) {
    if (o.reduceOnly || !o.positionId || closed.has(o.positionId) || Number(o.filledQuantity ?? 0) <= 0) continue;
    const t = at(o.decisionTime, minutes);
    if (t !== null) out.push({ time: t, position: o.side === 'SELL' ? 'aboveBar' : 'belowBar', shape: 'square', color: '#58a6ff', text: `entry ${num(o.averageFillPrice, 8)}` });
  }
  return out;
}

function buildLines(orders: OrderRow[], positions: { averagePrice: string; side: string }[]): ChartLine[] {
  const lines: ChartLine[] = [];
  for (const o of orders) {
    if (o.type === 'STOP_MARKET' && OPEN.has(o.status) && o.price !== null && Number.isFinite(Number(o.price))) {
      lines.push({ price: Number(o.price), color: '#dc3545', title: `stop ${o.strategy}` });
    } else if (o.type === 'LIMIT' && o.reduceOnly && OPEN.has(o.status) && o.price !== null) {
      lines.push({ price: Number(o.price), color: '#3fb950', title: 'target' });
    }
  }
  for (const p of positions) {
    if (Number.isFinite(Number(p.averagePrice))) lines.push({ price: Number(p.averagePrice), color: '#58a6ff', title: `${p.side} entry` });
  }
  return lines;
}
