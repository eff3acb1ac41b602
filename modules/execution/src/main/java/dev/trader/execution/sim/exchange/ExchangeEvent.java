package dev.trader.execution.sim.exchange;

import java.util.List;

/** What the engine tells the user-data stream, in the order it happened (market time). */
public sealed interface ExchangeEvent {

    /**
     * An order changed: accepted (NEW), filled in part or whole (TRADE, with its {@code trade}),
     * canceled (CANCELED, with the cancel request's own client order id), expired.
     */
    record OrderUpdate(long eventTime, ExecutionType execution, OrderView order, TradeView trade, String cancelClientOrderId,
                       long executionId) implements ExchangeEvent {
    }

    /** Balances changed; {@code balances} are the assets the change touched, as they now stand. */
    record BalanceUpdate(long eventTime, List<BalanceView> balances) implements ExchangeEvent {
        public BalanceUpdate {
            balances = List.copyOf(balances);
        }
    }
}
