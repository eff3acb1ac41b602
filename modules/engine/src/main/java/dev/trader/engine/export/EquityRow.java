package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The account at one bar close: cash, the market value of what it holds (each holding at its instrument's latest close,
 * as {@code /api/status} marks it) and their sum, the equity. Filed under the day the bar opened, so a day's last row is
 * its close at midnight.
 */
record EquityRow(LocalDate day, Instant time, Money cash, Money marketValue) {
    static final List<String> HEADER = List.of("time", "cash", "market_value", "equity", "currency");

    Money equity() {
        return cash.plus(marketValue);
    }

    List<String> cells() {
        return List.of(time.toString(), Decimals.of(cash), Decimals.of(marketValue), Decimals.of(equity()), cash.currency());
    }
}
