import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from './api';
import { Chip } from './components/bits';
import { Toasts } from './components/Toasts';
import { governorChip } from './logic/governor';
import { MarketPage } from './pages/MarketPage';
import { OrdersPage } from './pages/OrdersPage';
import { RiskPage } from './pages/RiskPage';
import { SystemPage } from './pages/SystemPage';
import { TradesPage } from './pages/TradesPage';
import { DashboardStore, useDashboard } from './store';
import type { WhoAmI } from './types';

const KEY = 'trader.apiKey';
const PAGES = [
  { path: '/', name: 'System' },
  { path: '/market', name: 'Market' },
  { path: '/orders', name: 'Orders' },
  { path: '/trades', name: 'Trades' },
  { path: '/risk', name: 'Risk' },
] as const;

/** Signs in with an API key (kept for this browser tab only), then shows the pages. */
export function App() {
  const [session, setSession] = useState<{ api: Api; who: WhoAmI } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(() => sessionStorage.getItem(KEY) !== null);

  const signIn = async (key: string) => {
    const api = new Api(key.trim());
    try {
      const who = await api.get<WhoAmI>('/api/whoami');
      sessionStorage.setItem(KEY, key.trim());
      api.onUnauthorized = (m) => signOut(`Signed out: ${m}`);
      setMessage(null);
      setSession({ api, who });
    } catch (e) {
      sessionStorage.removeItem(KEY);
      setMessage(e instanceof ApiError && e.status === 401 ? 'That key is not valid.' : (e as Error).message);
    } finally {
      setChecking(false);
    }
  };
  const signOut = (why: string | null) => {
    sessionStorage.removeItem(KEY);
    setSession(null);
    setMessage(why);
  };

  useEffect(() => {
    const saved = sessionStorage.getItem(KEY);
    if (saved) void signIn(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (session) return <Dashboard api={session.api} who={session.who} onSignOut={() => signOut(null)} />;
  return <Login onSubmit={signIn} message={message} busy={checking} />;
}

function Login({ onSubmit, message, busy }: { onSubmit: (key: string) => Promise<void>; message: string | null; busy: boolean }) {
  const [key, setKey] = useState('');
  const [sending, setSending] = useState(false);
  return (
    <main className="login">
      <form onSubmit={async (e) => { e.preventDefault(); setSending(true); await onSubmit(key); setSending(false); }} data-testid="login">
        <h1>trader</h1>
        <p className="muted">Sign in with an API key (<code>bin/trader api-key create</code>; the demo writes one to <code>data/demo-api-key</code>).</p>
        <label className="field">API key
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="trk_…" data-testid="api-key" autoFocus />
        </label>
        {message && <div className="error" role="alert" data-testid="login-error">{message}</div>}
        <button className="primary" type="submit" disabled={!key.trim() || sending || busy} data-testid="sign-in">{sending || busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>
  );
}

function usePath(): [string, (p: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const on = () => setPath(window.location.pathname);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return [path, (p: string) => {
    window.history.pushState(null, '', p);
    setPath(p);
  }];
}

const CONN_LABEL: Record<string, [string, string]> = {
  live: ['LIVE', 'ok'],
  connecting: ['CONNECTING', 'warn'],
  polling: ['POLLING', 'warn'],
  refused: ['POLLING', 'bad'],
};

function Dashboard({ api, who, onSignOut }: { api: Api; who: WhoAmI; onSignOut: () => void }) {
  const store = useMemo(() => new DashboardStore(api, who), [api, who]);
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  const s = useDashboard(store);
  const [path, go] = usePath();
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  const risk = s.status?.risk ?? s.risk?.state;
  const gov = governorChip(risk?.governor, risk?.asOf);
  const [connText, connTone] = CONN_LABEL[s.conn] ?? ['?', 'muted'];
  return (
    <div className="app">
      <header className="top">
        <div className="brand">trader <span className="muted">{s.status ? `${s.status.node} · ${s.status.mode}` : ''}</span></div>
        <nav>
          {PAGES.map((p) => (
            <a key={p.path} href={p.path} className={p === page ? 'on' : ''} data-testid={`nav-${p.name.toLowerCase()}`}
              onClick={(e) => { e.preventDefault(); go(p.path); }}>{p.name}</a>
          ))}
        </nav>
        <div className="status-chips">
          {risk?.killSwitch.global && <Chip tone="bad" testId="kill-chip">KILL SWITCH</Chip>}
          <Chip tone={gov.tone} title={gov.detail}>{gov.label}</Chip>
          <Chip tone={connTone} title={s.connDetail} testId="conn-state">{connText}</Chip>
          <span className="who" data-testid="whoami" data-role={who.role}>{who.keyId} · {who.role}</span>
          <button className="link" onClick={onSignOut} data-testid="sign-out">Sign out</button>
        </div>
      </header>
      {s.error && <div className="banner" role="alert">The node did not answer everything: {s.error}</div>}
      <main>
        {page.path === '/' && <SystemPage store={store} s={s} />}
        {page.path === '/market' && <MarketPage store={store} s={s} />}
        {page.path === '/orders' && <OrdersPage store={store} s={s} />}
        {page.path === '/trades' && <TradesPage store={store} s={s} />}
        {page.path === '/risk' && <RiskPage s={s} />}
      </main>
      <Toasts toasts={s.toasts} store={store} />
    </div>
  );
}
