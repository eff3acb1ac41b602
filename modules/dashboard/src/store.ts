// The dashboard's shared state: what the API says (status, risk, alerts, orders, bars), kept fresh
// by the live feed when it is live and by polling the API otherwise, plus the toasts. Pages read it
// through useDashboard(); the server stays authoritative (every write goes through the API).

import { useSyncExternalStore } from 'react';
import { Api } from './api';
import { candleOf, mergeCandles, type Candle } from './logic/bars';
import { LiveFeed, liveUrl, type LiveMessage, type LiveState } from './live';
import { queryOf } from './logic/query';
import { num, symbolOf } from './logic/format';
import type { Alerts, InstrumentDetail, InstrumentSummary, OrderRow, Page, RiskReport, RiskView, Status, StrategyView, WhoAmI } from './types';

export interface Toast {
  id: number;
  type: string;
  title: string;
  body: string;
  /** 'live': from the WebSocket as it happened; 'poll': seen by polling the API. */
  source: 'live' | 'poll';
  /** The event's own time (a fill's trade time, a bar's open), when it has one. */
  eventTime?: string;
  dedupe: string;
  at: number;
}

export interface LiveSignal {
  strategy: string;
  instrument: string;
  time: string;
  direction: string;
  price: string | null;
}

export interface DashState {
  conn: LiveState;
  connDetail: string;
  status: Status | null;
  risk: RiskReport | null;
  alerts: Alerts | null;
  orders: Page<OrderRow> | null;
  instruments: InstrumentSummary[];
  strategies: StrategyView[];
  candles: Record<string, Candle[]>;
  liveSignals: LiveSignal[];
  toasts: Toast[];
  /** Bumped on every fill, order or position event: pages with their own reads refetch. */
  tradingVersion: number;
  error: string | null;
  updatedAt: number;
}

const POLL_MS = 2000;
const SAFETY_POLL_MS = 5000;
const TOAST_MS = 8000;
const TOAST_TYPES = new Set(['fill', 'order_submitted', 'guard_reject', 'constraint_violation', 'alert']);

export class DashboardStore {
  private state: DashState = {
    conn: 'connecting',
    connDetail: 'starting',
    status: null,
    risk: null,
    alerts: null,
    orders: null,
    instruments: [],
    strategies: [],
    candles: {},
    liveSignals: [],
    toasts: [],
    tradingVersion: 0,
    error: null,
    updatedAt: 0,
  };
  private listeners = new Set<() => void>();
  private feed: LiveFeed | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPoll = 0;
  private polling = false;
  private pollAgain = false;
  private toastSeq = 0;
  /** A fill, order or position event arrived since the last refresh: the pages' own reads are stale. */
  private tradingChanged = false;

  constructor(readonly api: Api, readonly who: WhoAmI) {}

  /** The strategy every history read names when the key sees only some strategies (the server requires it). */
  get scope(): string | undefined {
    return this.who.strategies.includes('*') ? undefined : this.who.strategies[0];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): DashState => this.state;

  private set(patch: Partial<DashState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  start(): void {
    // the chart's history (the node's recent bars) whatever the feed does; the feed only appends
    void this.loadStatic().then(() => this.pollBars());
    void this.poll();
    this.timer = setInterval(() => {
      const every = this.state.conn === 'live' ? SAFETY_POLL_MS : POLL_MS;
      if (Date.now() - this.lastPoll >= every) void this.poll();
      this.expireToasts();
    }, 500);
    if (typeof WebSocket !== 'undefined') {
      this.feed = new LiveFeed({
        url: liveUrl(window.location),
        key: this.api.key,
        onMessage: (m, replay) => this.onLive(m, replay),
        onState: (conn, connDetail) => {
          this.set({ conn, connDetail });
          if (conn === 'live') {
            // caught up: the tables and the chart again, for anything that happened while the feed was down
            void this.poll();
            void this.pollBars();
          }
        },
      });
      this.feed.start();
    }
  }

  stop(): void {
    this.feed?.stop();
    if (this.timer) clearInterval(this.timer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  private async loadStatic(): Promise<void> {
    const [instruments, strategies] = await Promise.allSettled([
      this.api.get<InstrumentSummary[]>('/api/instruments'),
      this.api.get<StrategyView[]>('/api/strategies'),
    ]);
    this.set({
      instruments: instruments.status === 'fulfilled' ? instruments.value : this.state.instruments,
      strategies: strategies.status === 'fulfilled' ? strategies.value : this.state.strategies,
    });
  }

  /** Strategies after a start, stop or threshold change. */
  async reloadStrategies(): Promise<void> {
    this.set({ strategies: await this.api.get<StrategyView[]>('/api/strategies') });
  }

  /** Everything the pages share, from the API. While the feed is not live, new orders and fills seen here raise the toasts. */
  async poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true; // what changed during this read is read right after it
      return;
    }
    this.polling = true;
    this.pollAgain = false;
    this.lastPoll = Date.now();
    try {
      const orderQuery = queryOf({ strategy: this.scope }, { limit: 100 });
      const [status, risk, alerts, orders] = await Promise.allSettled([
        this.api.get<Status>('/api/status'),
        this.api.get<RiskReport>('/api/risk'),
        this.api.get<Alerts>('/api/alerts'),
        this.api.get<Page<OrderRow>>('/api/orders' + orderQuery),
      ]);
      const failed = [status, risk, alerts, orders].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      const patch: Partial<DashState> = { error: failed ? String((failed.reason as Error).message) : null, updatedAt: Date.now() };
      if (status.status === 'fulfilled') patch.status = status.value;
      if (risk.status === 'fulfilled') patch.risk = risk.value;
      if (alerts.status === 'fulfilled') patch.alerts = alerts.value;
      if (orders.status === 'fulfilled') {
        if (this.state.orders && this.state.conn !== 'live') this.toastsFromOrders(this.state.orders.items, orders.value.items);
        if (this.state.orders && orders.value.total !== this.state.orders.total) patch.tradingVersion = this.state.tradingVersion + 1;
        patch.orders = orders.value;
      }
      this.set(patch);
      if (this.state.conn !== 'live') await this.pollBars();
    } finally {
      this.polling = false;
    }
    if (this.pollAgain) void this.poll();
  }

  private async pollBars(): Promise<void> {
    const ids = (this.state.instruments.length ? this.state.instruments.map((i) => i.id) : this.state.status?.instruments?.map((i) => i.id)) ?? [];
    const details = await Promise.allSettled(ids.map((id) => this.api.get<InstrumentDetail>('/api/instruments/' + encodeURIComponent(id))));
    const candles = { ...this.state.candles };
    details.forEach((d, i) => {
      if (d.status !== 'fulfilled') return;
      const incoming = d.value.recentBars.map(candleOf).filter((c): c is Candle => c !== null).sort((a, b) => a.time - b.time);
      candles[ids[i]] = mergeCandles(candles[ids[i]] ?? [], incoming);
    });
    this.set({ candles });
  }

  private toastsFromOrders(before: OrderRow[], after: OrderRow[]): void {
    const old = new Map(before.map((o) => [o.clientOrderId, o]));
    const oldest = before.length ? before[before.length - 1].decisionTime ?? '' : '';
    for (const o of [...after].reverse()) {
      const prev = old.get(o.clientOrderId);
      if (!prev && (o.decisionTime ?? '') >= oldest) {
        this.toast('order_submitted', 'poll', `Order ${o.side} ${o.type} ${symbolOf(o.instrument)}`,
          `${num(o.quantity, 8)}${o.price ? ' @ ' + o.price : ''} · ${o.strategy}${o.reduceOnly ? ' · exit' : ''}`, `order:${o.clientOrderId}`);
      }
      const filled = Number(o.filledQuantity ?? 0);
      if (filled > 0 && filled > Number(prev?.filledQuantity ?? 0)) {
        this.toast('fill', 'poll', `Fill ${o.side} ${symbolOf(o.instrument)}`,
          `${num(o.filledQuantity, 8)} @ ${o.averageFillPrice ?? '?'} · ${o.strategy}`, `fill:${o.clientOrderId}:${o.filledQuantity}`);
      }
    }
  }

  private onLive(m: LiveMessage, replay: boolean): void {
    const d = (m.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : d[k] === undefined || d[k] === null ? '' : String(d[k]));
    switch (m.type) {
      case 'bar': {
        if (d.timeframe !== undefined && d.timeframe !== '1m') return;
        const c = candleOf(d);
        const id = str('instrument');
        if (c && id) this.set({ candles: { ...this.state.candles, [id]: mergeCandles(this.state.candles[id] ?? [], [c]) } });
        break;
      }
      case 'signal':
        this.set({
          liveSignals: [...this.state.liveSignals.slice(-199), { strategy: str('strategy'), instrument: str('instrument'), time: str('time'),
            direction: str('direction'), price: str('price') || null }],
        });
        break;
      case 'risk':
        if (d.killSwitch) this.patchRisk(d as unknown as RiskView);
        break;
      case 'order':
      case 'order_submitted':
      case 'fill':
      case 'position':
        this.tradingChanged = true;
        this.refreshSoon();
        break;
      case 'alert':
        this.refreshSoon();
        break;
      default:
        break;
    }
    if (!replay && TOAST_TYPES.has(m.type)) this.toastFromLive(m.type, str, (k) => d[k]);
  }

  private toastFromLive(type: string, str: (k: string) => string, d: (k: string) => unknown): void {
    const sym = symbolOf(str('instrument'));
    switch (type) {
      case 'fill':
        this.toast('fill', 'live', `Fill ${str('side')} ${sym}`, `${num(str('quantity'), 8)} @ ${str('price')} · ${str('strategy')}`,
          `fill:${str('clientOrderId')}:${str('tradeId')}`, str('time'));
        break;
      case 'order_submitted':
        this.toast('order_submitted', 'live', `Order ${str('side')} ${str('orderType')} ${sym}`,
          `${num(str('quantity'), 8)}${str('price') ? ' @ ' + str('price') : ''} · ${str('strategy')}${d('reduceOnly') === true ? ' · exit' : ''}`,
          `order:${str('clientOrderId')}`,
          str('decisionTime'));
        break;
      case 'guard_reject':
      case 'constraint_violation':
        this.toast(type, 'live', `${type === 'guard_reject' ? 'Entry refused' : 'Constraint'}: ${str('rule')} ${sym}`, str('reason'),
          `${type}:${str('clientOrderId')}:${str('rule')}`, str('decisionTime'));
        break;
      case 'alert':
        if (str('state') !== 'resolved') {
          this.toast('alert', 'live', `Alert: ${str('alert')} (${str('severity')})`, str('message'), `alert:${str('alert')}:${str('subject')}`);
        }
        break;
    }
  }

  private toast(type: string, source: 'live' | 'poll', title: string, body: string, dedupe: string, eventTime?: string): void {
    const kind = dedupe.split(':').slice(0, 2).join(':');
    if (this.state.toasts.some((t) => t.dedupe === dedupe || (t.type === type && t.source !== source && t.dedupe.startsWith(kind)))) return;
    const t: Toast = { id: ++this.toastSeq, type, title, body, source, eventTime: eventTime || undefined, dedupe, at: Date.now() };
    this.set({ toasts: [...this.state.toasts.slice(-5), t] });
  }

  dismiss(id: number): void {
    this.set({ toasts: this.state.toasts.filter((t) => t.id !== id) });
  }

  private expireToasts(): void {
    const now = Date.now();
    if (this.state.toasts.some((t) => now - t.at > TOAST_MS)) this.set({ toasts: this.state.toasts.filter((t) => now - t.at <= TOAST_MS) });
  }

  /** Tables again shortly after a burst of live events: one read for the burst, and one refetch of the pages' own reads. */
  private refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (this.tradingChanged) {
        this.tradingChanged = false;
        this.set({ tradingVersion: this.state.tradingVersion + 1 });
      }
      void this.poll();
    }, 300);
  }

  /** The account's risk view as a write or the feed returned it. */
  patchRisk(risk: RiskView): void {
    const status = this.state.status ? { ...this.state.status, risk, account: { ...this.state.status.account, killSwitch: risk.killSwitch.global } } : null;
    const report = this.state.risk ? { ...this.state.risk, state: risk } : null;
    this.set({ status, risk: report });
  }

  /** POST /api/kill-switch (admin): answers with the risk view after the switch. */
  async setKillSwitch(on: boolean, strategy?: string): Promise<void> {
    const risk = await this.api.post<RiskView>('/api/kill-switch', strategy ? { on, strategy } : { on });
    this.patchRisk(risk);
    void this.poll();
  }
}

export function useDashboard(store: DashboardStore): DashState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
