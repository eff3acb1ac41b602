package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.risk.rules.RiskConfig;
import java.util.Objects;

/**
 * How risk takes part in a backtest: the {@link RiskMode}, the risk settings (as the engine reads
 * them, {@code RiskConfig.read}), the venue grid every instrument is given (the backtester knows
 * no exchange info: one tick, lot and minimum notional for all), and the ATR period of the stop
 * the loop computes when a signal has no {@code stop_price}.
 *
 * @param config null with {@link RiskMode#OFF}; required with {@link RiskMode#PROP_FIRM}
 */
public record BacktestRisk(RiskMode mode, RiskConfig config, Price tick, Quantity lot, Money minNotional, int atrPeriod) {
    /** No risk: today's behaviour. */
    public static final BacktestRisk OFF = new BacktestRisk(RiskMode.OFF, null, Price.of("0.01"), Quantity.of("0.00001"), null, 14);

    public BacktestRisk {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(lot, "lot");
        if (mode == RiskMode.PROP_FIRM) {
            Objects.requireNonNull(config, "a PROP_FIRM backtest needs a risk config");
            Objects.requireNonNull(minNotional, "minNotional");
        }
        if (!tick.isPositive() || lot.isZero()) {
            throw new IllegalArgumentException("tick and lot must be positive");
        }
        if (atrPeriod < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1 but was " + atrPeriod);
        }
    }

    /** Prop-firm risk with {@code config}, a 0.01 tick, a 0.00001 lot, a 5 (account currency) minimum notional and ATR(14). */
    public static BacktestRisk propFirm(RiskConfig config) {
        return new BacktestRisk(RiskMode.PROP_FIRM, config, Price.of("0.01"), Quantity.of("0.00001"),
                Money.of("5", config.initialCapital().currency()), 14);
    }

    /**
     * The venue rules assumed for {@code instrument}: base and quote from its symbol (the quote is
     * {@code currency} when the symbol ends with it), this record's tick, lot and minimum notional.
     */
    InstrumentRules rulesFor(InstrumentId instrument, String currency) {
        String value = instrument.value();
        String symbol = value.substring(value.indexOf(':') + 1);
        String base = symbol.endsWith(currency) && symbol.length() > currency.length()
                ? symbol.substring(0, symbol.length() - currency.length()) : symbol;
        return new InstrumentRules(instrument, base, currency, tick, lot, lot, minNotional == null ? Money.zero(currency) : minNotional);
    }
}
