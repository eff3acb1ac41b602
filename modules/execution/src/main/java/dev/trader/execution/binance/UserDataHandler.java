package dev.trader.execution.binance;

import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import java.util.concurrent.CompletionStage;

/** Where the user stream's events go; called on the WebSocket's thread, so every method returns quickly. */
interface UserDataHandler {
    void onExecutionReport(ExecutionReport report);

    void onAccountPosition(AccountPosition position);

    /**
     * A connection is about to be opened: events may arrive on it before {@link #onConnected()}
     * (which recovers what the outage missed) runs, and must not overtake that recovery.
     */
    default void onConnecting() {
    }

    /** The stream is (re)connected: recover what it may have missed (fills, balances). */
    CompletionStage<Void> onConnected();
}
