package dev.trader.strategy.volume;

import dev.trader.domain.market.Bar;
import dev.trader.strategy.indicator.Indicator;
import dev.trader.strategy.state.StateObject;

/**
 * Session VWAP from bars: Σ(typical price · volume) / Σ volume over the bars of the current
 * session, typical price = (high + low + close) / 3 (StockCharts' definition; TA-Lib has no
 * VWAP). It is an estimate: each bar's volume is placed at its typical price. For the exact
 * average of the real trades use {@link TradeVwap}.
 *
 * <p>Sessions: it resets when a bar opens in a new session of its {@link SessionBoundary} (default:
 * daily from 00:00 UTC). That is why it takes the bar's open time and does not implement
 * {@code BarIndicator}, whose update has no time: {@link #update(long, double, double, double,
 * double)}. A bar belongs to the session of its open time even if it closes in the next one. A
 * bar opening before the current session started is a caller error (the stream went backwards)
 * and is rejected.
 *
 * <p>Zero volume: VWAP is undefined while the session has no volume yet (0/0), so
 * {@link #value()} is NaN and {@link #isReady()} false until the first bar with volume; inventing
 * a price there (the typical price, say) would show a level nobody traded at. Zero-volume bars
 * later in a session change nothing.
 *
 * <p>Warm-up: 1 bar with volume. O(1) per bar; the sums only grow within a session and restart
 * at its end, so there is no subtract-and-add drift.
 */
public final class SessionVwap extends StateObject implements Indicator {
    private SessionBoundary sessions;
    private boolean started;
    private long sessionStartMs;
    private long sessionEndMs;
    private int sessionBars;
    private double priceVolume;
    private double volume;
    private double value = Double.NaN;

    private SessionVwap() {
    }

    /** Daily sessions from 00:00 UTC. */
    public static SessionVwap utcDaily() {
        return new SessionVwap(SessionBoundary.utcMidnight());
    }

    public SessionVwap(SessionBoundary sessions) {
        if (sessions == null) {
            throw new IllegalArgumentException("sessions must not be null");
        }
        this.sessions = sessions;
    }

    /**
     * Adds a bar.
     *
     * @param openTimeMs the bar's open time, epoch milliseconds: decides its session
     * @param volume     non-negative
     */
    public void update(long openTimeMs, double high, double low, double close, double volume) {
        if (!(volume >= 0)) {
            throw new IllegalArgumentException("volume must be non-negative but was " + volume);
        }
        if (started && openTimeMs < sessionStartMs) {
            throw new IllegalArgumentException("bar open time " + openTimeMs + " is before the current session, which started at " + sessionStartMs);
        }
        if (!started || openTimeMs >= sessionEndMs) {
            started = true;
            sessionStartMs = sessions.sessionStart(openTimeMs);
            sessionEndMs = sessions.sessionEnd(sessionStartMs);
            sessionBars = 0;
            priceVolume = 0;
            this.volume = 0;
            value = Double.NaN;
        }
        sessionBars++;
        priceVolume += (high + low + close) / 3 * volume;
        this.volume += volume;
        if (this.volume > 0) {
            value = priceVolume / this.volume;
        }
    }

    /** Adds a domain bar (prices and volume converted to double). */
    public void update(Bar bar) {
        update(bar.openTime().toEpochMilli(), bar.high().toDouble(), bar.low().toDouble(),
                bar.close().toDouble(), bar.volume().toDouble());
    }

    /** The VWAP of the current session; NaN before any bar and while the session has no volume. */
    public double value() {
        return value;
    }

    /** The current session's volume. */
    public double sessionVolume() {
        return volume;
    }

    /** Bars seen in the current session. */
    public int sessionBars() {
        return sessionBars;
    }

    /** Start of the current session, epoch ms; meaningless before the first bar. */
    public long sessionStartMs() {
        return sessionStartMs;
    }

    @Override
    public boolean isReady() {
        return volume > 0;
    }

    @Override
    public int warmUp() {
        return 1;
    }
}
