import { describe, expect, it } from 'vitest';
import { combineCells, equityCurves, heatColor, sumR, tradingBlocks } from './analytics';
import type { RiskView, TradeRow } from '../types';

const trade = (exitTime: string, pnlAfterFees: string, rMultiple: string | null = null) => ({ exitTime, pnlAfterFees, rMultiple }) as TradeRow;

describe('trade analytics on the client', () => {
  it('cumulates P&L by exit time and measures the drawdown from the running peak', () => {
    const { pnl, drawdown } = equityCurves([
      trade('2023-03-16T07:00:00Z', '-5'), trade('2023-03-16T05:00:00Z', '10'), trade('2023-03-16T06:00:00Z', '-4'), trade('2023-03-16T08:00:00Z', '3'),
    ]);
    expect(pnl.map((p) => p.value)).toEqual([10, 6, 1, 4]);
    expect(drawdown.map((p) => p.value)).toEqual([0, -4, -9, -6]);
    expect(pnl.map((p) => p.time)).toEqual([...pnl.map((p) => p.time)].sort());
  });

  it('keeps one point per second (the chart needs strictly rising times)', () => {
    const { pnl } = equityCurves([trade('2023-03-16T05:00:00Z', '1'), trade('2023-03-16T05:00:00.500Z', '2')]);
    expect(pnl).toEqual([{ time: Date.parse('2023-03-16T05:00:00Z') / 1000, value: 3 }]);
  });

  it('adds R over the trades that have one', () => {
    expect(sumR([trade('x', '1', '1.5'), trade('x', '1', '-1'), trade('x', '1', null)])).toEqual({ r: 0.5, withR: 2, withoutR: 1 });
  });

  it('names every guard that holds entries', () => {
    const risk = { killSwitch: { global: true, strategies: [] }, halted: true, halt: { rule: 'daily_floor' }, drawdownLocked: false, flattening: false,
      governor: { multiplier: '0' }, dailyFloor: { reached: true }, overallFloor: { reached: false } } as unknown as RiskView;
    expect(tradingBlocks(risk, { 'binance:BTCUSDT': 'missing fill' })).toEqual(
      ['kill switch on', 'halted (daily_floor)', 'governor cool-down', 'daily floor reached', 'reconciliation holds binance:BTCUSDT']);
    expect(tradingBlocks({ ...risk, killSwitch: { global: false, strategies: [] }, halted: false, governor: null, dailyFloor: null } as unknown as RiskView)).toEqual([]);
  });

  it('colours gains green and losses red, stronger with size', () => {
    expect(heatColor(0, 10)).toBe('transparent');
    expect(heatColor(10, 10)).toBe('rgba(38, 166, 91, 0.950)');
    expect(heatColor(-5, 10)).toMatch(/^rgba\(220, 53, 69, 0\.525\)$/);
  });

  it('combines a regime × strategy cell over its symbols, weighting by trades', () => {
    expect(combineCells({
      'binance:BTCUSDT': { trades: 3, pnl: '30', win_rate: '0.6666666667', expected_R: '1' },
      'binance:ETHUSDT': { trades: 1, pnl: '-10', win_rate: '0', expected_R: null },
    })).toMatchObject({ trades: 4, pnl: 20, expectedR: 1, symbols: ['binance:BTCUSDT', 'binance:ETHUSDT'] });
  });
});
