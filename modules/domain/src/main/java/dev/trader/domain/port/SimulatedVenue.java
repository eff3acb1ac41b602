package dev.trader.domain.port;

import dev.trader.domain.market.Bar;
import java.util.concurrent.CompletionStage;

/**
 * A venue that trades against the market data we feed it (paper trading, the backtester's
 * exchange). It is shown each bar before the strategies are, and the stage completes once
 * every fill the bar caused has been applied: this is what makes a replay deterministic.
 */
public interface SimulatedVenue {
    CompletionStage<Void> onBar(Bar bar);
}
