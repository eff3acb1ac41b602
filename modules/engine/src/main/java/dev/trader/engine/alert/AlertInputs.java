package dev.trader.engine.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the alert rules look at, gathered from the running node at {@code now}.
 *
 * @param killSwitchAttempts orders the kill switch refused so far (a running count)
 * @param floorAttempts      orders refused so far because they would breach a prop-firm floor
 * @param sinceLastBar       per instrument, how long since its latest bar arrived
 * @param slippage           per instrument, the completed orders' slippage in bps, oldest first
 * @param lastTradesWon      the latest closed trades, oldest first: whether each made money
 * @param holds              instruments the reconciliation holds, and why
 * @param journalProblem     why the journal database did not answer; null when it did
 */
public record AlertInputs(Instant now, long killSwitchAttempts, long floorAttempts, Map<String, Duration> sinceLastBar,
                          Map<String, List<BigDecimal>> slippage, List<Boolean> lastTradesWon, Map<String, String> holds,
                          String journalProblem) {
    public AlertInputs {
        sinceLastBar = Map.copyOf(sinceLastBar);
        slippage = Map.copyOf(slippage);
        lastTradesWon = List.copyOf(lastTradesWon);
        holds = Map.copyOf(holds);
    }
}
