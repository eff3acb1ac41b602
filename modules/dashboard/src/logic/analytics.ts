// What the trades page and the tiles compute from the API's rows: the cumulative P&L and its
// drawdown, R summed over trades, whether the account can take an entry, and heatmap colours.

import type { MatrixCell, RiskView, TradeRow } from '../types';
import { governorChip } from './governor';

export interface Point {
  /** Unix seconds. */
  time: number;
  value: number;
}

/** Cumulative P&L after fees by exit time, and its drawdown from the running peak (≤ 0); one point per second (the last wins). */
export function equityCurves(trades: readonly TradeRow[]): { pnl: Point[]; drawdown: Point[] } {
  const sorted = trades
    .map((t) => ({ time: Math.floor(Date.parse(t.exitTime) / 1000), value: Number(t.pnlAfterFees) }))
    .filter((p) => Number.isFinite(p.time) && Number.isFinite(p.value))
    .sort((a, b) => a.time - b.time);
  const pnl: Point[] = [];
  const drawdown: Point[] = [];
  let total = 0;
  let peak = 0;
  for (const p of sorted) {
    total += p.value;
    peak = Math.max(peak, total);
    const dd = total - peak;
    if (pnl.length && pnl[pnl.length - 1].time === p.time) {
      pnl[pnl.length - 1].value = total;
      drawdown[drawdown.length - 1].value = dd;
    } else {
      pnl.push({ time: p.time, value: total });
      drawdown.push({ time: p.time, value: dd });
    }
  }
  return { pnl, drawdown };
}

/** The R of the trades that have one (a known initial stop), and how many have none. */
export function sumR(trades: readonly TradeRow[]): { r: number; withR: number; withoutR: number } {
  let r = 0;
  let withR = 0;
  for (const t of trades) {
    const v = t.rMultiple === null || t.rMultiple === undefined ? NaN : Number(t.rMultiple);
    if (Number.isFinite(v)) {
      r += v;
      withR++;
    }
  }
  return { r, withR, withoutR: trades.length - withR };
}

/** Why the account would refuse an entry now (empty: it can trade). */
export function tradingBlocks(risk: RiskView | null | undefined, holds: Record<string, string> = {}): string[] {
  if (!risk) return ['no risk state yet'];
  const out: string[] = [];
  if (risk.killSwitch?.global) out.push('kill switch on');
  if (risk.halted) out.push(`halted${risk.halt ? ' (' + risk.halt.rule + ')' : ''}`);
  if (risk.drawdownLocked) out.push(`drawdown lock${risk.drawdownLockUntil ? ' until ' + risk.drawdownLockUntil : ''}`);
  if (risk.flattening) out.push('flattening');
  if (governorChip(risk.governor, risk.asOf).label === 'COOL-DOWN') out.push('governor cool-down');
  if (risk.dailyFloor?.reached) out.push('daily floor reached');
  if (risk.overallFloor?.reached) out.push('overall floor reached');
  const held = Object.keys(holds);
  if (held.length) out.push(`reconciliation holds ${held.join(', ')}`);
  return out;
}

/** A cell colour for {@code value} on a scale of ±{@code maxAbs}: green for gains, red for losses, clear for none. */
export function heatColor(value: number, maxAbs: number): string {
  if (!Number.isFinite(value) || value === 0 || !(maxAbs > 0)) return 'transparent';
  const a = Math.min(1, Math.abs(value) / maxAbs) * 0.85 + 0.1;
  return value > 0 ? `rgba(38, 166, 91, ${a.toFixed(3)})` : `rgba(220, 53, 69, ${a.toFixed(3)})`;
}

/** The largest |value| of a grid of decimal strings. */
export function maxAbs(grid: readonly (readonly (string | null)[])[]): number {
  let m = 0;
  for (const row of grid) for (const v of row) if (v !== null) m = Math.max(m, Math.abs(Number(v)) || 0);
  return m;
}

export interface MatrixSummary {
  trades: number;
  pnl: number;
  winRate: number | null;
  expectedR: number | null;
  symbols: string[];
}

/** One regime × strategy cell over its symbols: trades and P&L added, win rate and E[R] weighted by trades. */
export function combineCells(bySymbol: Record<string, MatrixCell>): MatrixSummary {
  let trades = 0;
  let pnl = 0;
  let wins = 0;
  let rSum = 0;
  let rTrades = 0;
  for (const c of Object.values(bySymbol)) {
    trades += c.trades;
    pnl += Number(c.pnl ?? 0) || 0;
    wins += (Number(c.win_rate ?? 0) || 0) * c.trades;
    if (c.expected_R !== null && c.expected_R !== undefined && Number.isFinite(Number(c.expected_R))) {
      rSum += Number(c.expected_R) * c.trades;
      rTrades += c.trades;
    }
  }
  return {
    trades,
    pnl,
    winRate: trades ? wins / trades : null,
    expectedR: rTrades ? rSum / rTrades : null,
    symbols: Object.keys(bySymbol).sort(),
  };
}
