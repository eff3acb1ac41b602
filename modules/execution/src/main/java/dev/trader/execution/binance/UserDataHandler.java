package dev.trader.execution.binance;

import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import java.util.concurrent.CompletionStage;

/** Where the user stream's events go; called on the WebSocket's thread, so every method returns quickly. */
interface UserDataHandler {
    void onExecutionReport(ExecutionReport report);

    void onAccountPosition(AccountPosition position);

    /** The stream is (re)connected: recover what it may have missed (fills, balances). */
    CompletionStage<Void> onConnected();
}
