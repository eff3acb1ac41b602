// The live feed at /ws: {"type":"auth","key":…} first, then {"type":"subscribe"} (or with "from":
// the last seq we hold, after a reconnect); messages {"type","seq","data"}. Reconnects with backoff
// and resubscribes from the last seq; unknown types and missing fields are tolerated. Until the
// feed says "live" the dashboard keeps polling the API.

export type LiveState = 'connecting' | 'live' | 'polling' | 'refused';

export interface LiveMessage {
  type: string;
  seq?: number;
  data?: Record<string, unknown>;
}

export interface LiveOptions {
  url: string;
  key: string;
  /** {@code replay}: the message came before "live" (history or the latest state), not as it happened. */
  onMessage: (m: LiveMessage, replay: boolean) => void;
  onState: (s: LiveState, detail: string) => void;
  /** For tests. */
  socket?: (url: string) => WebSocket;
  maxBackoffMs?: number;
}

/** Close codes after which a retry would be refused again: a key that is not valid or not this account's. */
const REFUSED = new Set([4401, 4403]);

export class LiveFeed {
  private ws: WebSocket | null = null;
  private lastSeq: number | null = null;
  private live = false;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: LiveOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close(1000, 'signed out');
    this.ws = null;
  }

  /** The seq of the newest message taken in (resubscription starts after it). */
  get seq(): number | null {
    return this.lastSeq;
  }

  private connect(): void {
    this.live = false;
    this.o.onState('connecting', this.attempt ? `reconnecting (attempt ${this.attempt + 1})` : 'opening the live feed');
    let ws: WebSocket;
    try {
      ws = this.o.socket ? this.o.socket(this.o.url) : new WebSocket(this.o.url);
    } catch (e) {
      this.retry(`cannot open ${this.o.url}: ${(e as Error).message}`);
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'auth', key: this.o.key }));
      ws.send(JSON.stringify(this.lastSeq === null ? { type: 'subscribe' } : { type: 'subscribe', from: this.lastSeq }));
    };
    ws.onmessage = (e) => this.onText(typeof e.data === 'string' ? e.data : '');
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (REFUSED.has(e.code)) {
        this.o.onState('refused', `the live feed refused the key (${e.code} ${e.reason}); polling`);
        return;
      }
      this.retry(e.reason ? `closed ${e.code}: ${e.reason}` : `closed (${e.code})`);
    };
    ws.onerror = () => {
      // onclose follows with the code
    };
  }

  private onText(text: string): void {
    let m: unknown;
    try {
      m = JSON.parse(text);
    } catch {
      return;
    }
    if (!m || typeof m !== 'object' || typeof (m as LiveMessage).type !== 'string') return;
    const msg = m as LiveMessage;
    const data = msg.data && typeof msg.data === 'object' ? msg.data : {};
    switch (msg.type) {
      case 'welcome':
        return;
      case 'live':
        this.live = true;
        this.attempt = 0;
        if (typeof msg.seq === 'number') this.lastSeq = Math.max(this.lastSeq ?? 0, msg.seq);
        this.o.onState('live', 'live feed');
        return;
      case 'lagged': {
        // messages were dropped for us: take them again from the journal
        const from = Number((data as { resubscribeFrom?: unknown }).resubscribeFrom);
        if (Number.isFinite(from)) this.lastSeq = from;
        this.ws?.close(4000, 'resubscribing after lag');
        return;
      }
      default:
        if (typeof msg.seq === 'number' && Number.isFinite(msg.seq)) {
          if (this.lastSeq !== null && msg.seq <= this.lastSeq && this.live) return; // already had it
          this.lastSeq = Math.max(this.lastSeq ?? 0, msg.seq);
        }
        this.o.onMessage({ type: msg.type, seq: msg.seq, data }, !this.live);
    }
  }

  private retry(detail: string): void {
    if (this.stopped) return;
    const delay = Math.min(this.o.maxBackoffMs ?? 15000, 1000 * 2 ** Math.min(this.attempt, 5));
    this.attempt++;
    this.o.onState('polling', `${detail}; polling, retrying in ${Math.round(delay / 1000)} s`);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}

/** ws://host/ws (wss:// under https) for the page's own origin. */
export function liveUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
