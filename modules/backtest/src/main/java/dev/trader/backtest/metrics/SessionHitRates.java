package dev.trader.backtest.metrics;

import dev.trader.backtest.RoundTrip;
import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Trades by the trading session open at their entry, on a {@link SessionClock}: Asia (Tokyo),
 * London, New York, and outside all three. A trade entered while two sessions overlap counts for
 * both, so the groups can add up to more than the trades.
 */
public record SessionHitRates(HitRate asia, HitRate london, HitRate newYork, HitRate outside) {
    public SessionHitRates {
        Objects.requireNonNull(asia, "asia");
        Objects.requireNonNull(london, "london");
        Objects.requireNonNull(newYork, "newYork");
        Objects.requireNonNull(outside, "outside");
    }

    /** Groups {@code trades} by the sessions {@code clock} has open at each trade's open time. */
    public static SessionHitRates of(List<RoundTrip> trades, SessionClock clock, String currency) {
        HitRate asia = HitRate.empty(currency);
        HitRate london = asia;
        HitRate newYork = asia;
        HitRate outside = asia;
        for (RoundTrip t : trades) {
            Set<Session> open = clock.sessionsAt(t.openTime());
            boolean any = false;
            if (open.contains(Session.ASIA)) {
                asia = asia.plus(t);
                any = true;
            }
            if (open.contains(Session.LONDON)) {
                london = london.plus(t);
                any = true;
            }
            if (open.contains(Session.NEW_YORK)) {
                newYork = newYork.plus(t);
                any = true;
            }
            if (!any) {
                outside = outside.plus(t);
            }
        }
        return new SessionHitRates(asia, london, newYork, outside);
    }
}
