package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account's equity at every bar close, from the journal alone: cash is the initial capital moved by every fill the
 * account booked before the close (a fill's time is before the close of the bar it filled in), as the account books it;
 * holdings are the signed sum of those fills; each is marked at its instrument's latest close (the last fill's price when
 * no close is known yet), rounded to the cent as {@code /api/status} does. Exact: no floating point anywhere.
 */
final class EquityCurve {
    /** One bar close: its time, the day its bar opened, and each instrument's close at that time. */
    record Close(Instant time, LocalDate day, Map<String, Price> closes) {
    }

    private EquityCurve() {
    }

    /**
     * @param marksBefore each instrument's last close before the first of {@code closes}
     * @param fills       every fill the account booked, in journal order
     */
    static List<EquityRow> of(Money initialCash, List<Fill> fills, Map<String, Price> marksBefore, List<Close> closes) {
        List<Fill> byTime = new ArrayList<>(fills);
        byTime.sort(Comparator.comparing(Fill::time));
        Map<String, Price> marks = new HashMap<>(marksBefore);
        Map<String, BigDecimal> held = new TreeMap<>();
        Map<String, Price> lastFillPrice = new HashMap<>();
        Money cash = initialCash;
        List<EquityRow> rows = new ArrayList<>(closes.size());
        int next = 0;
        for (Close c : closes) {
            while (next < byTime.size() && byTime.get(next).time().isBefore(c.time())) {
                Fill f = byTime.get(next++);
                String instrument = f.instrument().value();
                BigDecimal signed = f.side() == OrderSide.BUY ? f.quantity().toBigDecimal() : f.quantity().toBigDecimal().negate();
                held.merge(instrument, signed, BigDecimal::add);
                lastFillPrice.put(instrument, f.price());
                // As AccountState.booked: a buy pays notional and fee, a sell receives notional and pays the fee.
                cash = f.side() == OrderSide.BUY ? cash.minus(f.notional()).minus(f.fee()) : cash.plus(f.notional()).minus(f.fee());
            }
            marks.putAll(c.closes());
            Money market = Money.zero(cash.currency());
            for (Map.Entry<String, BigDecimal> h : held.entrySet()) {
                if (h.getValue().signum() != 0) {
                    Price mark = marks.getOrDefault(h.getKey(), lastFillPrice.get(h.getKey()));
                    market = market.plus(Money.of(h.getValue().multiply(mark.toBigDecimal()), cash.currency()));
                }
            }
            rows.add(new EquityRow(c.day(), c.time(), cash, market));
        }
        return rows;
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
