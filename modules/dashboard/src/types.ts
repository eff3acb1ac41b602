// The JSON of the admin API as the dashboard reads it (modules/api: the view records). Amounts are
// decimal strings; times ISO-8601 UTC. Fields the dashboard does not read are left out.

export type Role = 'viewer' | 'trader' | 'admin';

export interface WhoAmI {
  keyId: string;
  role: Role;
  accounts: string[];
  strategies: string[];
}

export interface FloorView {
  level: string;
  distance: string;
  reached: boolean;
}

export interface GovernorView {
  multiplier: string;
  rule: string | null;
  cooldownUntil: string | null;
  selfReported: number | null;
  selfReportedAt: string | null;
}

export interface RiskView {
  model: string;
  asOf: string | null;
  tradingDay: string | null;
  equity: string | null;
  balance: string | null;
  dayStartBalance: string | null;
  dailyFloor: FloorView | null;
  overallFloor: FloorView | null;
  halted: boolean;
  halt: { rule: string; since: string; untilNextDay: boolean } | null;
  drawdownLocked: boolean;
  drawdownLockUntil: string | null;
  governor: GovernorView | null;
  flattening: boolean;
  killSwitch: { global: boolean; strategies: string[] };
  blockedAttempts: Record<string, number>;
  blockedAttemptsTotal: number;
  lastRejections: { time: string | null; instrument: string; rule: string; reason: string }[];
}

export interface PositionView {
  positionId: string;
  instrument: string;
  side: string;
  quantity: string;
  averagePrice: string;
  lastPrice: string | null;
  unrealizedPnl: string | null;
  realizedPnl: string;
  fees: string;
}

export interface InstrumentLine {
  id: string;
  lastBarTime: string | null;
  lastClose: string | null;
  barsAccepted: number;
  barsRejected: number;
  rejectionsByReason: Record<string, number>;
}

export interface AccountView {
  id: string;
  currency: string;
  initialCapital: string;
  cash: string;
  equity: string;
  killSwitch: boolean;
  openOrders: number;
  intentsApproved: number;
  intentsRejected: number;
  tradesBooked: number;
  reconciliationHolds: Record<string, string>;
}

export interface Status {
  mode: string;
  node: string;
  clusterMembers: string[];
  entities: Record<string, number>;
  instruments: InstrumentLine[];
  account: AccountView;
  risk: RiskView;
  openPositions: PositionView[];
  feed: { source: string; barsProcessed: number } | null;
}

export interface Blackout {
  instrument: string;
  event: string;
  currency: string;
  impact: string;
  eventTime: string;
  until: string;
}

export interface RiskReport {
  model: string;
  asOf: string | null;
  state: RiskView;
  constraints: Record<string, string>;
  newsBlackouts: Blackout[];
}

export interface InstrumentSummary {
  id: string;
  base: string;
  quote: string;
  tickSize: string;
  lastBarTime: string | null;
  lastClose: string | null;
  barsAccepted: number;
}

export interface BarView {
  openTime: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

export interface InstrumentDetail {
  instrument: string;
  watermark: string | null;
  lastClose: string | null;
  recentBars: BarView[];
}

export interface StrategyView {
  id: string;
  type: string;
  timeframes: string[];
  configuredParameters: Record<string, unknown>;
  instruments: {
    instrument: string; enabled: boolean; minConfidence: string; parameters: Record<string, unknown>; parametersChanged: boolean;
    barsSeen: number; signals: number; lastBar: string | null;
  }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export interface OrderRow {
  clientOrderId: string;
  parentId: string | null;
  strategy: string;
  instrument: string;
  side: string;
  type: string;
  quantity: string;
  price: string | null;
  reduceOnly: boolean;
  status: string;
  filledQuantity: string | null;
  averageFillPrice: string | null;
  decisionTime: string | null;
  decisionPrice: string | null;
  positionId: string | null;
  lastReason: string | null;
}

export interface TradeRow {
  tradeId: string;
  positionId: string;
  strategy: string;
  instrument: string;
  side: string;
  quantity: string;
  entryTime: string;
  entryPrice: string;
  exitTime: string;
  exitPrice: string;
  pnl: string;
  fees: string;
  pnlAfterFees: string;
  currency: string;
  initialStop: string | null;
  rMultiple: string | null;
  holdMinutes: string | null;
  exitKind: string | null;
  regime: string | null;
}

export interface SignalRow {
  signalId: string;
  strategy: string;
  instrument: string;
  timeframe: string;
  time: string;
  direction: string;
  confidence: number | null;
  price: string | null;
  reason: string | null;
  regime: string | null;
  decision: string | null;
  decisionRule: string | null;
  decisionReason: string | null;
  decisionStop: string | null;
}

export interface MatrixCell {
  trades: number;
  pnl: string | null;
  win_rate: string | null;
  expected_R: string | null;
}

export interface Metrics {
  profit_factor: string | null;
  win_rate: string | null;
  expected_R: string | null;
  avg_R: string | null;
  max_drawdown_R: string | null;
  max_drawdown_pct: string | null;
  time_in_market: string | null;
  avg_hold_minutes: string | null;
  pnl_by_day: Record<string, string>;
  pnl_by_hour: string[];
  pnl_by_weekday_hour: string[][];
  regime_strategy_symbol_matrix: Record<string, Record<string, Record<string, MatrixCell>>>;
}

export interface AlertView {
  alert: string;
  severity: string;
  subject: string;
  message: string;
  since: string;
  resolvedAt: string | null;
}

export interface Alerts {
  active: AlertView[];
  resolved: AlertView[];
  firedTotal: number;
}

export interface OperatorAction {
  seq: number;
  keyId: string;
  role: string;
  action: string;
  request: string;
  at: string;
}

export interface OperatorLog {
  count: number;
  latest: OperatorAction[];
}
