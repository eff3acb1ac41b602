import { describe, expect, it } from 'vitest';
import { governorChip } from './governor';

const g = (multiplier: string, cooldownUntil: string | null = null, rule: string | null = null) =>
  ({ multiplier, rule, cooldownUntil, selfReported: null, selfReportedAt: null });

describe('the governor chip', () => {
  it('is CALM at 1.0, CAUTION at 0.75 and 0.5, COOL-DOWN at 0', () => {
    expect(governorChip(g('1.0')).label).toBe('CALM');
    expect(governorChip(g('1')).tone).toBe('ok');
    expect(governorChip(g('0.75', null, 'losing_streak'))).toEqual({ label: 'CAUTION', tone: 'warn', detail: 'risk per trade ×0.75 (losing_streak)' });
    expect(governorChip(g('0.5')).label).toBe('CAUTION');
    expect(governorChip(g('0')).label).toBe('COOL-DOWN');
    expect(governorChip(g('0.00')).tone).toBe('bad');
  });

  it('is COOL-DOWN while a cooldown runs past the account time, and not after it', () => {
    const chip = governorChip(g('1.0', '2023-03-16T10:00:00Z', 'cooldown'), '2023-03-16T09:30:00Z');
    expect(chip.label).toBe('COOL-DOWN');
    expect(chip.detail).toContain('until 2023-03-16T10:00:00Z');
    expect(governorChip(g('1.0', '2023-03-16T10:00:00Z'), '2023-03-16T10:00:00Z').label).toBe('CALM');
  });

  it('is N/A without a governor (the flat risk model)', () => {
    expect(governorChip(null).label).toBe('N/A');
    expect(governorChip(undefined).tone).toBe('muted');
  });
});
