// Display of the API's decimal strings and ISO times.

/** A decimal string with at most {@code digits} fraction digits (the API's exact value stays in the title). */
export function num(value: string | number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A signed amount: +12.5 / −3. */
export function signed(value: string | number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return (n > 0 ? '+' : n < 0 ? '−' : '') + Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A fraction as a percentage: 0.0512 → 5.12 %. */
export function pct(value: string | number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? `${(n * 100).toFixed(digits)} %` : String(value);
}

/** An ISO instant as "2023-03-16 05:01:00" (UTC). */
export function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : iso;
}

/** The symbol of an instrument id: binance:BTCUSDT → BTCUSDT. */
export function symbolOf(instrument: string): string {
  const i = instrument.indexOf(':');
  return i >= 0 ? instrument.slice(i + 1) : instrument;
}

/** A CSS class for the sign of an amount. */
export function tone(value: string | number | null | undefined): string {
  const n = Number(value);
  return !Number.isFinite(n) || n === 0 ? '' : n > 0 ? 'pos' : 'neg';
}
