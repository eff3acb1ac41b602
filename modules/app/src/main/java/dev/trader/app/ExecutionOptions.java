package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.ExecutionModel;
import dev.trader.backtest.IntrabarPath;
import dev.trader.backtest.Sizing;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import picocli.CommandLine.Option;

/**
 * The options every backtesting command shares (backtest, sweep, walk-forward): cash, fees,
 * slippage, spread, volume limit, sizing and what happens at the end of the data; turned into a
 * {@link BacktestConfig}.
 */
final class ExecutionOptions {
    @Option(names = "--currency", defaultValue = "USDT", description = "quote currency of every instrument (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--initial-cash", defaultValue = "100000", description = "starting cash (default: ${DEFAULT-VALUE})")
    BigDecimal initialCash;

    @Option(names = "--fee", defaultValue = "0.001", description = "taker fee rate per fill, of notional (default: ${DEFAULT-VALUE})")
    BigDecimal fee;

    @Option(names = "--maker-fee", description = "maker fee rate for limit fills (default: the --fee rate)")
    BigDecimal makerFee;

    @Option(names = "--slippage-bps", defaultValue = "0", description = "slippage of market and stop fills, basis points (default: ${DEFAULT-VALUE})")
    BigDecimal slippageBps;

    @Option(names = "--spread-bps", defaultValue = "0", description = "bid-ask spread, basis points; takers pay half (default: ${DEFAULT-VALUE})")
    BigDecimal spreadBps;

    @Option(names = "--max-participation", description = "largest fraction of a bar's volume one instrument's fills may take; the rest "
            + "carries to the next bar (default: no limit)")
    BigDecimal maxParticipation;

    @Option(names = "--quantity", description = "fixed quantity per entry (default: 1)")
    BigDecimal quantity;

    @Option(names = "--notional", description = "size each entry to this notional instead, rounded down to --lot")
    BigDecimal notional;

    @Option(names = "--lot", defaultValue = "0.00001", description = "lot size for --notional sizing (default: ${DEFAULT-VALUE})")
    BigDecimal lot;

    @Option(names = "--stop-tick", description = "round signals' stop prices down to this tick (default: keep them exact)")
    BigDecimal stopTick;

    @Option(names = "--close-at-end", description = "close positions still open at the end at the last close (default: report them open)")
    boolean closeAtEnd;

    BacktestConfig config() {
        ExecutionModel execution = ExecutionModel.DEFAULT.withTakerFeeRate(fee).withMakerFeeRate(makerFee == null ? fee : makerFee)
                .withSlippageBps(slippageBps).withSpreadBps(spreadBps).withMaxParticipation(maxParticipation);
        Sizing sizing;
        if (notional != null) {
            if (quantity != null) {
                throw new IllegalArgumentException("--quantity and --notional exclude each other");
            }
            sizing = new Sizing.FixedNotional(Money.of(notional, currency), Quantity.of(lot));
        } else {
            sizing = new Sizing.FixedQuantity(Quantity.of(quantity == null ? BigDecimal.ONE : quantity));
        }
        return new BacktestConfig(currency, Money.of(initialCash, currency), execution, sizing,
                closeAtEnd ? EndOfData.CLOSE_AT_LAST_CLOSE : EndOfData.REPORT_OPEN, stopTick == null ? null : Price.of(stopTick),
                IntrabarPath.UNKNOWN);
    }
}
