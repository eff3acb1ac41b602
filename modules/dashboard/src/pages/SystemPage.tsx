import { useState } from 'react';
import { atLeast } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StrategyEditDialog } from '../components/StrategyEditDialog';
import { Chip, Empty, Section, Tile } from '../components/bits';
import { sumR, tradingBlocks } from '../logic/analytics';
import { governorChip } from '../logic/governor';
import { num, signed, symbolOf, time, tone } from '../logic/format';
import { queryOf } from '../logic/query';
import type { DashboardStore, DashState } from '../store';
import type { OperatorLog, Page, RiskView, StrategyView, TradeRow } from '../types';
import { usePoll } from '../usePoll';

type Pending = { kind: 'kill'; on: boolean; strategy?: string } | { kind: 'flatten' } | { kind: 'strategy'; id: string; start: boolean }
  | { kind: 'edit'; strategy: StrategyView } | null;

/** Status tiles, the kill switch, strategies, instruments, the cluster and the latest operator actions. */
export function SystemPage({ store, s }: { store: DashboardStore; s: DashState }) {
  const [pending, setPending] = useState<Pending>(null);
  const who = store.who;
  const status = s.status;
  const risk = status?.risk ?? s.risk?.state ?? null;
  const day = risk?.tradingDay ?? null;
  const today = usePoll(
    () => (day ? store.api.get<Page<TradeRow>>('/api/trades' + queryOf({ from: day, strategy: store.scope }, { limit: 500 })) : Promise.resolve(null)),
    [day, s.tradingVersion], 10000);
  const actions = usePoll(() => store.api.get<OperatorLog>('/api/operator-actions'), [s.tradingVersion], 15000);
  const blocks = tradingBlocks(risk, status?.account.reconciliationHolds);
  const r = today.data ? sumR(today.data.items) : null;
  const gov = governorChip(risk?.governor, risk?.asOf);
  const isAdmin = atLeast(who.role, 'admin');
  const mayKillAll = isAdmin && who.strategies.includes('*');
  const killed = risk?.killSwitch ?? { global: false, strategies: [] };

  if (!status) return <Empty>Waiting for the node's status…</Empty>;
  const account = status.account;
  return (
    <div className="page">
      <div className="tiles">
        <Tile label="Mode" value={<span data-testid="tile-mode">{status.mode}</span>} sub={`node ${status.node} · ${risk?.model ?? ''} model`} />
        <Tile label="Can trade" testId="tile-can-trade" tone={blocks.length ? 'bad' : 'good'}
          value={<span data-testid="can-trade">{blocks.length ? 'NO' : 'YES'}</span>} sub={blocks.length ? blocks.join(' · ') : 'every guard open'} />
        <Tile label="R today" testId="tile-r-today" tone={tone(r?.r)}
          value={r ? signed(r.r, 2) + ' R' : '—'} sub={r ? `${r.withR} trade(s) with R${r.withoutR ? `, ${r.withoutR} without` : ''} · day ${day}` : `day ${day ?? '—'}`} />
        <Tile label="Equity" testId="tile-equity" value={`${num(account.equity, 2)} ${account.currency}`}
          sub={<span className={tone(Number(account.equity) - Number(account.initialCapital))}>{signed(Number(account.equity) - Number(account.initialCapital), 2)} since start · cash {num(account.cash, 2)}</span>} />
        <Tile label="Governor" value={<Chip tone={gov.tone} testId="governor-chip">{gov.label}</Chip>} sub={gov.detail} />
        <Tile label="Orders" value={num(account.openOrders, 0) + ' open'} sub={`${account.intentsApproved} approved · ${account.intentsRejected} refused · ${account.tradesBooked} fills booked`} />
      </div>

      <Section title="Kill switch" actions={
        mayKillAll && (
          <button className={killed.global ? 'primary' : 'danger'} data-testid="kill-switch-toggle"
            onClick={() => setPending({ kind: 'kill', on: !killed.global })}>
            {killed.global ? 'Release kill switch' : 'Engage kill switch'}
          </button>
        )}>
        <div className="kill-state" data-testid="kill-switch-state" data-on={killed.global ? 'true' : 'false'}>
          {killed.global ? <Chip tone="bad">ON — no order leaves</Chip> : <Chip tone="ok">off</Chip>}
          {killed.strategies.length > 0 && <span> strategies switched off: {killed.strategies.join(', ')}</span>}
          <span className="muted"> · {risk?.blockedAttemptsTotal ?? 0} attempt(s) blocked</span>
        </div>
        {isAdmin && who.strategies.includes('*') && (
          <div className="row-actions">
            <button className="danger outline" data-testid="flatten" onClick={() => setPending({ kind: 'flatten' })} disabled={risk?.flattening}>
              {risk?.flattening ? 'Flattening…' : 'Flatten everything'}
            </button>
          </div>
        )}
      </Section>

      <Section title="Strategies">
        <StrategiesTable strategies={s.strategies} store={store} killed={killed.strategies} onAsk={setPending} />
      </Section>

      <div className="two">
        <Section title="Instruments">
          <table className="grid">
            <thead><tr><th>Instrument</th><th>Last bar</th><th className="n">Close</th><th className="n">Bars</th><th className="n">Rejected</th></tr></thead>
            <tbody>
              {status.instruments.map((i) => (
                <tr key={i.id}><td>{symbolOf(i.id)}</td><td>{time(i.lastBarTime)}</td><td className="n">{i.lastClose ?? '—'}</td>
                  <td className="n">{i.barsAccepted}</td><td className="n">{i.barsRejected}</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title="Node">
          <dl className="facts">
            <dt>Connection</dt><dd data-testid="conn-detail">{s.connDetail}</dd>
            <dt>Cluster</dt><dd>{status.clusterMembers.join(', ')}</dd>
            <dt>Feed</dt><dd>{status.feed ? `${status.feed.source} · ${status.feed.barsProcessed} bars` : 'bars fed in (replay)'}</dd>
            <dt>Entities</dt><dd>{Object.entries(status.entities).map(([k, v]) => `${k} ${v}`).join(' · ')}</dd>
            <dt>Signed in</dt><dd>key {who.keyId} · {who.role} · strategies {who.strategies.join(', ')}</dd>
          </dl>
        </Section>
      </div>

      <Section title="Operator actions">
        {actions.data && actions.data.latest.length ? (
          <table className="grid">
            <thead><tr><th>#</th><th>When</th><th>Key</th><th>Action</th><th>Request</th></tr></thead>
            <tbody>
              {[...actions.data.latest].reverse().slice(0, 10).map((a) => (
                <tr key={a.seq}><td>{a.seq}</td><td>{time(a.at)}</td><td>{a.keyId} ({a.role})</td><td>{a.action}</td><td className="mono">{a.request}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>No writes yet.</Empty>}
      </Section>

      {pending && <PendingDialog pending={pending} store={store} close={() => setPending(null)} />}
    </div>
  );
}

function StrategiesTable({ strategies, store, killed, onAsk }: { strategies: StrategyView[]; store: DashboardStore; killed: string[]; onAsk: (p: Pending) => void }) {
  const mayTrade = atLeast(store.who.role, 'trader');
  const isAdmin = atLeast(store.who.role, 'admin');
  if (!strategies.length) return <Empty>No strategies visible to this key.</Empty>;
  return (
    <table className="grid" data-testid="strategies">
      <thead><tr><th>Strategy</th><th>Timeframes</th><th>Instruments</th><th className="n">Signals</th><th>State</th>{(mayTrade || isAdmin) && <th />}</tr></thead>
      <tbody>
        {strategies.map((st) => {
          const enabled = st.instruments.some((i) => i.enabled);
          const isKilled = killed.includes(st.id);
          return (
            <tr key={st.id}>
              <td>{st.id}</td>
              <td>{st.timeframes.join(', ')}</td>
              <td>{st.instruments.map((i) => `${symbolOf(i.instrument)} ≥${i.minConfidence}`).join(' · ')}</td>
              <td className="n">{st.instruments.reduce((n, i) => n + i.signals, 0)}</td>
              <td>{enabled ? <Chip tone="ok">running</Chip> : <Chip tone="muted">stopped</Chip>} {isKilled && <Chip tone="bad">killed</Chip>}
                {st.instruments.some((i) => i.parametersChanged) && <> <Chip tone="warn" testId={`strategy-tuned-${st.id}`}>parameters changed</Chip></>}</td>
              {(mayTrade || isAdmin) && (
                <td className="row-actions">
                  {mayTrade && <button data-testid={`strategy-${enabled ? 'stop' : 'start'}-${st.id}`} onClick={() => onAsk({ kind: 'strategy', id: st.id, start: !enabled })}>{enabled ? 'Stop' : 'Start'}</button>}
                  {mayTrade && <button data-testid={`strategy-edit-${st.id}`} onClick={() => onAsk({ kind: 'edit', strategy: st })}>Edit</button>}
                  {isAdmin && <button className="danger outline" data-testid={`strategy-kill-${st.id}`} onClick={() => onAsk({ kind: 'kill', on: !isKilled, strategy: st.id })}>{isKilled ? 'Release switch' : 'Kill'}</button>}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PendingDialog({ pending, store, close }: { pending: NonNullable<Pending>; store: DashboardStore; close: () => void }) {
  if (pending.kind === 'edit') {
    return <StrategyEditDialog strategy={pending.strategy} store={store} close={close} />;
  }
  if (pending.kind === 'kill') {
    const scope = pending.strategy ? `strategy ${pending.strategy}` : 'every strategy';
    const any = pending.strategy ? `strategy ${pending.strategy}` : 'any strategy';
    return (
      <ConfirmDialog title={pending.on ? `Engage the kill switch for ${scope}?` : `Release the kill switch for ${scope}?`} danger={pending.on}
        confirmLabel={pending.on ? 'Engage' : 'Release'} onCancel={close}
        onConfirm={async () => { await store.setKillSwitch(pending.on, pending.strategy); close(); }}>
        {pending.on ? <p>No new order of {any} leaves the node until the switch is released. Orders already at the venue stay there.</p>
          : <p>Orders of {any} may leave the node again from the next signal.</p>}
        <p className="muted">Journaled as an operator action under key {store.who.keyId}.</p>
      </ConfirmDialog>
    );
  }
  if (pending.kind === 'flatten') {
    return (
      <ConfirmDialog title="Flatten every position?" danger confirmLabel="Flatten" reason="Reason (journaled)" onCancel={close}
        onConfirm={async (reason) => { store.patchRisk(await store.api.post<RiskView>('/api/flatten', { reason })); close(); }}>
        <p>Halts the account and closes every position at market from the next bar. Clearing the halt is a separate step.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog title={`${pending.start ? 'Start' : 'Stop'} strategy ${pending.id}?`} confirmLabel={pending.start ? 'Start' : 'Stop'} onCancel={close}
      onConfirm={async () => { await store.api.post(`/api/strategies/${encodeURIComponent(pending.id)}/${pending.start ? 'start' : 'stop'}`); await store.reloadStrategies(); close(); }}>
      <p>{pending.start ? 'It raises signals again from the next bar.' : 'It keeps its indicators warm and raises nothing.'}</p>
    </ConfirmDialog>
  );
}
