import { Chip, Empty, Section, Tile } from '../components/bits';
import { tradingBlocks } from '../logic/analytics';
import { governorChip } from '../logic/governor';
import { num, signed, symbolOf, time } from '../logic/format';
import type { DashState } from '../store';
import type { FloorView } from '../types';

/** The limits an entry is held to now, the floors and their distance, the governor, news and every tripwire. */
export function RiskPage({ s }: { s: DashState }) {
  const report = s.risk;
  if (!report) return <Empty>Waiting for the risk state…</Empty>;
  const risk = s.status?.risk ?? report.state;
  const gov = governorChip(risk.governor, risk.asOf);
  const holds = s.status?.account.reconciliationHolds ?? {};
  const blocks = tradingBlocks(risk, holds);
  const active = s.alerts?.active ?? [];
  const tripwires: { name: string; on: boolean; detail: string }[] = [
    { name: 'Kill switch (global)', on: risk.killSwitch.global, detail: risk.killSwitch.global ? 'no order leaves' : 'off' },
    { name: 'Kill switch (strategies)', on: risk.killSwitch.strategies.length > 0, detail: risk.killSwitch.strategies.join(', ') || 'none' },
    { name: 'Halt', on: risk.halted, detail: risk.halt ? `${risk.halt.rule} since ${time(risk.halt.since)}${risk.halt.untilNextDay ? ' (until the next day)' : ''}` : 'not halted' },
    { name: 'Drawdown lock', on: risk.drawdownLocked, detail: risk.drawdownLocked ? `until ${time(risk.drawdownLockUntil)}` : 'open' },
    { name: 'Flatten', on: risk.flattening, detail: risk.flattening ? 'closing every position' : 'none under way' },
    { name: 'Reconciliation holds', on: Object.keys(holds).length > 0, detail: Object.entries(holds).map(([i, w]) => `${symbolOf(i)}: ${w}`).join('; ') || 'none' },
    { name: 'Active alerts', on: active.length > 0, detail: active.map((a) => `${a.alert} (${a.subject})`).join(', ') || 'none' },
  ];
  return (
    <div className="page">
      <div className="tiles">
        <Tile label="Governor" value={<Chip tone={gov.tone} testId="risk-governor-chip">{gov.label}</Chip>} sub={gov.detail} />
        <Tile label="Entries" tone={blocks.length ? 'bad' : 'good'} value={blocks.length ? 'HELD' : 'OPEN'} sub={blocks.join(' · ') || 'every guard open'} />
        <FloorTile label="Daily floor" floor={risk.dailyFloor} />
        <FloorTile label="Overall floor" floor={risk.overallFloor} />
        <Tile label="Equity (bar close)" value={num(risk.equity, 2)} sub={`model ${report.model} · as of ${time(report.asOf)}`} />
        <Tile label="Blocked attempts" value={risk.blockedAttemptsTotal} sub={Object.entries(risk.blockedAttempts).map(([k, v]) => `${k} ${v}`).join(' · ') || 'none'} />
      </div>
      <div className="two">
        <Section title="Tripwires">
          <table className="grid" data-testid="tripwires">
            <tbody>
              {tripwires.map((t) => (
                <tr key={t.name} data-on={t.on ? 'true' : 'false'}><td>{t.name}</td><td>{t.on ? <Chip tone="bad">ON</Chip> : <Chip tone="ok">clear</Chip>}</td><td>{t.detail}</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title="Effective constraints">
          <table className="grid" data-testid="constraints">
            <tbody>
              {Object.entries(report.constraints).map(([k, v]) => <tr key={k}><td className="mono">{k}</td><td className="n">{v}</td></tr>)}
            </tbody>
          </table>
        </Section>
      </div>
      <div className="two">
        <Section title="News blackouts">
          {report.newsBlackouts.length ? (
            <table className="grid">
              <thead><tr><th>Instrument</th><th>Event</th><th>Impact</th><th>At</th><th>Until</th></tr></thead>
              <tbody>
                {report.newsBlackouts.map((b) => <tr key={b.instrument + b.eventTime}><td>{symbolOf(b.instrument)} <Chip tone="warn">NEWS</Chip></td><td>{b.event} ({b.currency})</td><td>{b.impact}</td><td>{time(b.eventTime)}</td><td>{time(b.until)}</td></tr>)}
              </tbody>
            </table>
          ) : <Empty>No instrument is in a news blackout.</Empty>}
        </Section>
        <Section title="Last refusals">
          {risk.lastRejections.length ? (
            <table className="grid">
              <thead><tr><th>Time</th><th>Instrument</th><th>Rule</th><th>Reason</th></tr></thead>
              <tbody>
                {risk.lastRejections.map((r, i) => <tr key={i}><td>{time(r.time)}</td><td>{symbolOf(r.instrument)}</td><td>{r.rule}</td><td className="muted">{r.reason}</td></tr>)}
              </tbody>
            </table>
          ) : <Empty>Nothing refused.</Empty>}
        </Section>
      </div>
    </div>
  );
}

function FloorTile({ label, floor }: { label: string; floor: FloorView | null }) {
  if (!floor) return <Tile label={label} value="—" sub="no floor under this model" />;
  const distance = Number(floor.distance);
  const level = Number(floor.level);
  const share = level > 0 ? distance / level : 0;
  return (
    <Tile label={label} tone={floor.reached ? 'bad' : share < 0.01 ? 'warn' : ''} testId={`floor-${label.split(' ')[0].toLowerCase()}`}
      value={<>{signed(floor.distance, 2)} <span className="muted">to breach</span></>}
      sub={<>{floor.reached ? 'REACHED · ' : ''}floor {num(floor.level, 2)}<div className="bar"><div style={{ width: `${Math.max(2, Math.min(100, share * 1000))}%` }} /></div></>} />
  );
}
