package dev.trader.backtest;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import java.util.Objects;

/**
 * Everything a backtest run depends on besides the strategy and the data.
 *
 * @param currency     the quote currency every instrument is accounted in (USDT)
 * @param initialCash  the cash at the start; equity is cash plus positions at their last close.
 *                     No margin check is made: cash may go negative.
 * @param execution    fees, slippage, spread and volume limit of the simulated exchange
 * @param sizing       the quantity a LONG signal buys
 * @param endOfData    what becomes of a position open when the data ends
 * @param stopTick     when not null, a signal's {@code stop_price} is rounded down to a multiple
 *                     of it; null (the default) keeps the stop exactly as the signal gives it
 * @param intrabar     what is known of the order of each bar's low and high
 * @param risk         whether entries pass pre-trade risk ({@link BacktestRisk#OFF}: they do not)
 */
public record BacktestConfig(String currency, Money initialCash, ExecutionModel execution, Sizing sizing, EndOfData endOfData,
                             Price stopTick, IntrabarPath intrabar, BacktestRisk risk) {
    public BacktestConfig {
        Objects.requireNonNull(risk, "risk");
        if (risk.mode() == RiskMode.PROP_FIRM && !risk.config().initialCapital().equals(initialCash)) {
            throw new IllegalArgumentException("the risk config's initial capital " + risk.config().initialCapital()
                    + " differs from the initial cash " + initialCash);
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(endOfData, "endOfData");
        Objects.requireNonNull(intrabar, "intrabar");
        if (!initialCash.currency().equals(currency)) {
            throw new IllegalArgumentException("initial cash " + initialCash + " is not in " + currency);
        }
        if (sizing instanceof Sizing.FixedNotional n && !n.notional().currency().equals(currency)) {
            throw new IllegalArgumentException("sizing notional " + n.notional() + " is not in " + currency);
        }
        if (stopTick != null && !stopTick.isPositive()) {
            throw new IllegalArgumentException("stop tick must be positive but was " + stopTick);
        }
    }

    /** Without risk ({@link BacktestRisk#OFF}). */
    public BacktestConfig(String currency, Money initialCash, ExecutionModel execution, Sizing sizing, EndOfData endOfData,
                          Price stopTick, IntrabarPath intrabar) {
        this(currency, initialCash, execution, sizing, endOfData, stopTick, intrabar, BacktestRisk.OFF);
    }

    /** The risk mode: {@link RiskMode#OFF} unless {@link #withRisk} set another. */
    public RiskMode riskMode() {
        return risk.mode();
    }

    public BacktestConfig withRisk(BacktestRisk r) {
        return new BacktestConfig(currency, initialCash, execution, sizing, endOfData, stopTick, intrabar, r);
    }

    /**
     * USDT, 100,000 initial cash, {@link ExecutionModel#DEFAULT} (0.1% fees), a fixed quantity
     * of 1, open positions reported open, stops exactly as given, intrabar order unknown.
     */
    public static BacktestConfig defaults() {
        return new BacktestConfig("USDT", Money.of("100000", "USDT"), ExecutionModel.DEFAULT, Sizing.fixedQuantity("1"),
                EndOfData.REPORT_OPEN, null, IntrabarPath.UNKNOWN);
    }

    /** Same currency for the initial cash: {@code withInitialCash("5000")}. */
    public BacktestConfig withInitialCash(String amount) {
        return new BacktestConfig(currency, Money.of(amount, currency), execution, sizing, endOfData, stopTick, intrabar, risk);
    }

    public BacktestConfig withExecution(ExecutionModel model) {
        return new BacktestConfig(currency, initialCash, model, sizing, endOfData, stopTick, intrabar, risk);
    }

    public BacktestConfig withSizing(Sizing s) {
        return new BacktestConfig(currency, initialCash, execution, s, endOfData, stopTick, intrabar, risk);
    }

    public BacktestConfig withEndOfData(EndOfData e) {
        return new BacktestConfig(currency, initialCash, execution, sizing, e, stopTick, intrabar, risk);
    }

    public BacktestConfig withStopTick(Price tick) {
        return new BacktestConfig(currency, initialCash, execution, sizing, endOfData, tick, intrabar, risk);
    }

    public BacktestConfig withIntrabar(IntrabarPath path) {
        return new BacktestConfig(currency, initialCash, execution, sizing, endOfData, stopTick, path, risk);
    }
}
