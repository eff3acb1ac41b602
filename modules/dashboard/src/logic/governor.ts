// The governor chip: the risk governor scales the risk per trade by its multiplier (1.0 calm;
// 0.75 or 0.5 after losses: caution) and stops entries (0, or a cooldown that has not ended).

import type { GovernorView } from '../types';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export interface Chip {
  label: string;
  tone: Tone;
  detail: string;
}

/**
 * CALM (multiplier 1), CAUTION (between 0 and 1), COOL-DOWN (0, or a cooldown that ends after
 * {@code asOf}, the account's event time); N/A under a risk model without a governor.
 */
export function governorChip(governor: GovernorView | null | undefined, asOf?: string | null): Chip {
  if (!governor) {
    return { label: 'N/A', tone: 'muted', detail: 'no governor under this risk model' };
  }
  const m = Number(governor.multiplier);
  const rule = governor.rule ? ` (${governor.rule})` : '';
  const until = governor.cooldownUntil ? Date.parse(governor.cooldownUntil) : NaN;
  const now = asOf ? Date.parse(asOf) : NaN;
  const coolingDown = Number.isFinite(until) && (!Number.isFinite(now) || until > now);
  if (m <= 0 || coolingDown) {
    return {
      label: 'COOL-DOWN',
      tone: 'bad',
      detail: `no entries${governor.cooldownUntil ? ' until ' + governor.cooldownUntil : ''}${rule}`,
    };
  }
  if (m < 1) {
    return { label: 'CAUTION', tone: 'warn', detail: `risk per trade ×${governor.multiplier}${rule}` };
  }
  return { label: 'CALM', tone: 'ok', detail: `risk per trade ×${governor.multiplier}` };
}
