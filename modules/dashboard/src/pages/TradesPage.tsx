import { useMemo, useState } from 'react';
import { SeriesChart } from '../components/SeriesChart';
import { Empty, Section, Tile } from '../components/bits';
import { combineCells, equityCurves, heatColor, maxAbs } from '../logic/analytics';
import { num, pct, signed, symbolOf, time, tone } from '../logic/format';
import { queryOf, tradesCsvFileName, tradesCsvPath, type HistoryFilter } from '../logic/query';
import type { DashboardStore, DashState } from '../store';
import type { Metrics, Page, TradeRow } from '../types';
import { usePoll } from '../usePoll';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MAX_PAGES = 20;

/** Closed trades with filters and the CSV export; the analytics of the same filter. */
export function TradesPage({ store, s }: { store: DashboardStore; s: DashState }) {
  const [draft, setDraft] = useState<HistoryFilter>({});
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [exporting, setExporting] = useState<string | null>(null);
  const scoped: HistoryFilter = { ...filter, strategy: filter.strategy || store.scope };
  const key = JSON.stringify(scoped);

  const trades = usePoll(async () => {
    const all: TradeRow[] = [];
    let cursor: string | null = null;
    let total = 0;
    for (let i = 0; i < MAX_PAGES; i++) {
      const p: Page<TradeRow> = await store.api.get<Page<TradeRow>>('/api/trades' + queryOf(scoped, { limit: 500, cursor }));
      all.push(...p.items);
      total = p.total;
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    return { items: all, total };
  }, [key, s.tradingVersion], 10000);
  const metrics = usePoll(() => store.api.get<Metrics>('/api/metrics' + queryOf(scoped)), [key, s.tradingVersion], 10000);
  const curves = useMemo(() => equityCurves(trades.data?.items ?? []), [trades.data]);

  const exportCsv = async () => {
    setExporting('exporting…');
    try {
      const blob = await store.api.download(tradesCsvPath(scoped));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = tradesCsvFileName(scoped);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setExporting(null);
    } catch (e) {
      setExporting((e as Error).message);
    }
  };
  const m = metrics.data;
  const field = (k: keyof HistoryFilter, label: string, placeholder: string) => (
    <label className="field">{label}<input value={draft[k] ?? ''} placeholder={placeholder} data-testid={`filter-${k}`}
      onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></label>
  );
  return (
    <div className="page">
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
        {field('symbol', 'Symbol', 'BTCUSDT')}
        <label className="field">Strategy<select value={draft.strategy ?? ''} onChange={(e) => setDraft({ ...draft, strategy: e.target.value })} data-testid="filter-strategy">
          {store.scope === undefined && <option value="">all</option>}
          {s.strategies.map((x) => <option key={x.id} value={x.id}>{x.id}</option>)}
        </select></label>
        <label className="field">Result<select value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: e.target.value })} data-testid="filter-status">
          <option value="">all</option><option value="WIN">wins</option><option value="LOSS">losses</option><option value="BREAKEVEN">break-even</option>
        </select></label>
        {field('from', 'From', '2023-03-16 or ISO time')}
        {field('to', 'To', 'exclusive')}
        <button type="submit" className="primary" data-testid="filter-apply">Apply</button>
        <button type="button" onClick={exportCsv} data-testid="export-csv">Export CSV</button>
        {exporting && <span className="muted">{exporting}</span>}
      </form>

      <div className="tiles">
        <Tile label="Profit factor" testId="tile-pf" value={num(m?.profit_factor, 2)} />
        <Tile label="E[R]" testId="tile-er" tone={tone(m?.expected_R)} value={m?.expected_R ? signed(m.expected_R, 3) + ' R' : '—'} sub={`avg R ${num(m?.avg_R, 3)}`} />
        <Tile label="Win rate" testId="tile-winrate" value={pct(m?.win_rate)} sub={`${trades.data?.total ?? 0} trades`} />
        <Tile label="Max drawdown" testId="tile-maxdd" value={m?.max_drawdown_R ? num(m.max_drawdown_R, 2) + ' R' : '—'} sub={pct(m?.max_drawdown_pct, 2)} />
        <Tile label="Time in market" value={pct(m?.time_in_market)} sub={`avg hold ${num(m?.avg_hold_minutes, 0)} min`} />
      </div>

      <div className="two">
        <Section title="Cumulative P&L (after fees)"><SeriesChart points={curves.pnl} color="#58a6ff" testId="pnl-chart" /></Section>
        <Section title="Drawdown"><SeriesChart points={curves.drawdown} color="#dc3545" testId="drawdown-chart" /></Section>
      </div>

      <div className="two">
        <Section title="P&L by weekday × entry hour (UTC)">{m ? <Heatmap grid={m.pnl_by_weekday_hour} /> : <Empty>…</Empty>}</Section>
        <Section title="Regime × strategy">{m ? <Matrix m={m} /> : <Empty>…</Empty>}</Section>
      </div>

      <Section title={`Trades${trades.data ? ` (${trades.data.total})` : ''}`}>
        {trades.data && trades.data.items.length ? (
          <table className="grid" data-testid="trades">
            <thead><tr><th>Exit</th><th>Strategy</th><th>Instrument</th><th>Side</th><th className="n">Qty</th><th className="n">Entry</th><th className="n">Exit</th><th className="n">P&L after fees</th><th className="n">R</th><th className="n">Hold min</th><th>Exit kind</th><th>Regime</th></tr></thead>
            <tbody>
              {trades.data.items.slice(0, 200).map((t) => (
                <tr key={t.tradeId}><td>{time(t.exitTime)}</td><td>{t.strategy}</td><td>{symbolOf(t.instrument)}</td><td>{t.side}</td><td className="n">{t.quantity}</td>
                  <td className="n">{t.entryPrice}</td><td className="n">{t.exitPrice}</td><td className={`n ${tone(t.pnlAfterFees)}`}>{signed(t.pnlAfterFees, 4)}</td>
                  <td className={`n ${tone(t.rMultiple)}`}>{t.rMultiple === null ? '—' : signed(t.rMultiple, 2)}</td><td className="n">{num(t.holdMinutes, 0)}</td><td>{t.exitKind ?? '—'}</td><td>{t.regime ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>{trades.error ?? 'No closed trades for this filter.'}</Empty>}
      </Section>
    </div>
  );
}

function Heatmap({ grid }: { grid: string[][] }) {
  const scale = maxAbs(grid);
  return (
    <table className="heatmap" data-testid="heatmap">
      <thead><tr><th />{Array.from({ length: 24 }, (_, h) => <th key={h}>{h}</th>)}</tr></thead>
      <tbody>
        {grid.map((row, d) => (
          <tr key={d}><th>{DAYS[d]}</th>
            {row.map((v, h) => <td key={h} style={{ background: heatColor(Number(v), scale) }} title={`${DAYS[d]} ${h}:00 UTC: ${v}`} />)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Matrix({ m }: { m: Metrics }) {
  const regimes = Object.keys(m.regime_strategy_symbol_matrix).sort();
  const strategies = [...new Set(regimes.flatMap((r) => Object.keys(m.regime_strategy_symbol_matrix[r])))].sort();
  if (!regimes.length) return <Empty>No trades with a regime yet.</Empty>;
  const cells = regimes.map((r) => strategies.map((st) => (m.regime_strategy_symbol_matrix[r][st] ? combineCells(m.regime_strategy_symbol_matrix[r][st]) : null)));
  const scale = Math.max(0, ...cells.flat().map((c) => Math.abs(c?.pnl ?? 0)));
  return (
    <table className="grid matrix" data-testid="matrix">
      <thead><tr><th>Regime</th>{strategies.map((st) => <th key={st}>{st}</th>)}</tr></thead>
      <tbody>
        {regimes.map((r, i) => (
          <tr key={r}><th>{r}</th>
            {cells[i].map((c, j) => (
              <td key={j} style={{ background: c ? heatColor(c.pnl, scale) : undefined }} title={c ? `symbols: ${c.symbols.map(symbolOf).join(', ')}` : ''}>
                {c ? <><b>{signed(c.pnl, 2)}</b><br /><span className="muted">{c.trades} tr · {pct(c.winRate, 0)} · {c.expectedR === null ? '—' : signed(c.expectedR, 2) + 'R'}</span></> : '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

