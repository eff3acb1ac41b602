// The filters of the history reads (/api/orders, /api/trades, /api/trades.csv, /api/metrics) as
// query strings: empty parts left out, every value encoded.

export interface HistoryFilter {
  status?: string;
  symbol?: string;
  strategy?: string;
  /** An instant or a date (a whole day in the read model's zone), inclusive. */
  from?: string;
  /** An instant or a date, exclusive (a date takes that day in). */
  to?: string;
}

const FILTER_KEYS: (keyof HistoryFilter)[] = ['status', 'symbol', 'strategy', 'from', 'to'];

/** {@code ?status=WIN&symbol=BTCUSDT…} for the parts set (and {@code extra}, e.g. limit); '' when none is. */
export function queryOf(filter: HistoryFilter, extra: Record<string, string | number | null | undefined> = {}): string {
  const parts: string[] = [];
  for (const k of FILTER_KEYS) {
    const v = filter[k]?.trim();
    if (v) parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined && v !== null && `${v}` !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? '?' + parts.join('&') : '';
}

/** The CSV export of the trades {@code filter} selects. */
export function tradesCsvPath(filter: HistoryFilter): string {
  return '/api/trades.csv' + queryOf(filter);
}

/** A file name saying what the export holds: trades[-symbol][-strategy][-from…to].csv. */
export function tradesCsvFileName(filter: HistoryFilter): string {
  const safe = (s: string) => s.trim().replace(/[^A-Za-z0-9._-]+/g, '_');
  const parts = ['trades'];
  if (filter.symbol?.trim()) parts.push(safe(filter.symbol));
  if (filter.strategy?.trim()) parts.push(safe(filter.strategy));
  if (filter.status?.trim()) parts.push(safe(filter.status.toLowerCase()));
  if (filter.from?.trim() || filter.to?.trim()) parts.push(`${safe(filter.from ?? '')}_${safe(filter.to ?? '')}`);
  return parts.join('-') + '.csv';
}
