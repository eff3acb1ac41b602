import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveFeed, liveUrl, type LiveMessage, type LiveState } from './live';

/** A WebSocket stand-in: records what the client sends and lets the test play the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code = 1000, reason = '') {
    this.onclose?.({ code, reason });
  }
  server(m: unknown) {
    this.onmessage?.({ data: typeof m === 'string' ? m : JSON.stringify(m) });
  }
}

describe('the live feed client', () => {
  let got: [LiveMessage, boolean][];
  let states: LiveState[];
  let feed: LiveFeed;
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    got = [];
    states = [];
    feed = new LiveFeed({
      url: 'ws://node/ws', key: 'trk_k_secret', onMessage: (m, replay) => got.push([m, replay]), onState: (s) => states.push(s),
      socket: (url) => new FakeSocket(url) as unknown as WebSocket,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('authenticates, subscribes, marks messages before "live" as replay, and ignores what it does not know', () => {
    feed.start();
    const ws = FakeSocket.all[0];
    ws.onopen!();
    expect(ws.sent).toEqual([{ type: 'auth', key: 'trk_k_secret' }, { type: 'subscribe' }]);
    ws.server({ type: 'welcome', seq: 0, data: { role: 'admin' } });
    ws.server({ type: 'bar', seq: 10, data: { instrument: 'binance:BTCUSDT' } });
    ws.server({ type: 'live', seq: 10, data: {} });
    ws.server('not json');
    ws.server({ seq: 11 });
    ws.server({ type: 'fill', seq: 12 });
    ws.server({ type: 'something_new', seq: 13, data: { x: 1 } });
    expect(got.map(([m, replay]) => [m.type, m.seq, replay])).toEqual([['bar', 10, true], ['fill', 12, false], ['something_new', 13, false]]);
    expect(got[1][0].data).toEqual({});
    expect(states).toEqual(['connecting', 'live']);
    expect(feed.seq).toBe(13);
  });

  it('reconnects with backoff after a drop and resubscribes from the last seq it holds', () => {
    feed.start();
    const first = FakeSocket.all[0];
    first.onopen!();
    first.server({ type: 'live', seq: 40 });
    first.server({ type: 'order', seq: 41, data: {} });
    first.close(1006, '');
    expect(states.at(-1)).toBe('polling');
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = FakeSocket.all[1];
    second.onopen!();
    expect(second.sent[1]).toEqual({ type: 'subscribe', from: 41 });
    second.close(1011, 'server error');
    vi.advanceTimersByTime(1999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('takes dropped messages again from the journal after "lagged", and stops retrying a refused key', () => {
    feed.start();
    const ws = FakeSocket.all[0];
    ws.onopen!();
    ws.server({ type: 'live', seq: 5 });
    ws.server({ type: 'lagged', seq: 90, data: { dropped: 20, resubscribeFrom: 70 } });
    vi.advanceTimersByTime(1000);
    const again = FakeSocket.all[1];
    again.onopen!();
    expect(again.sent[1]).toEqual({ type: 'subscribe', from: 70 });
    again.close(4401, 'the API key is not valid');
    vi.advanceTimersByTime(60000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(states.at(-1)).toBe('refused');
  });

  it('opens ws:// or wss:// on the page origin', () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
    expect(liveUrl({ protocol: 'https:', host: 'desk.example' })).toBe('wss://desk.example/ws');
  });
});
