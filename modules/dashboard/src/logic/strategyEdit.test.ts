import { describe, expect, it } from 'vitest';
import { changedParameters, parseParameters, parseThreshold } from './strategyEdit';

describe('the strategy editor', () => {
  const current = { fast: 12, slow: 26, gate: { timeframe: '15m', ema: 20, adx: 14, 'adx-min': 20 } };

  it('sends only the parameters the operator changed, whatever the key order', () => {
    const edited = { gate: { ema: 20, adx: 14, 'adx-min': 20, timeframe: '15m' }, slow: 26, fast: 9 };
    expect(changedParameters(current, edited)).toEqual({ changes: { fast: 9 }, removed: [] });
    expect(changedParameters(current, { ...current, gate: { ...current.gate, ema: 50 } }).changes).toEqual({ gate: { ...current.gate, ema: 50 } });
    expect(changedParameters(current, current).changes).toEqual({});
  });

  it('names a parameter the operator deleted (the API keeps what it is not sent)', () => {
    expect(changedParameters(current, { fast: 12, slow: 26 }).removed).toEqual(['gate']);
  });

  it('refuses text that is not a JSON object of parameters', () => {
    expect(parseParameters('{"fast": 9}')).toEqual({ parameters: { fast: 9 } });
    expect('error' in parseParameters('{fast: 9}')).toBe(true);
    expect(parseParameters('[1, 2]')).toEqual({ error: 'the parameters must be a JSON object, such as {"fast": 9}' });
    expect('error' in parseParameters('null')).toBe(true);
  });

  it('takes a threshold from 0 to 1 as a decimal string', () => {
    expect(parseThreshold(' 0.6 ')).toEqual({ value: '0.6' });
    expect(parseThreshold('1')).toEqual({ value: '1' });
    expect(parseThreshold('0')).toEqual({ value: '0' });
    expect('error' in parseThreshold('1.5')).toBe(true);
    expect('error' in parseThreshold('high')).toBe(true);
    expect('error' in parseThreshold('-0.1')).toBe(true);
  });
});
