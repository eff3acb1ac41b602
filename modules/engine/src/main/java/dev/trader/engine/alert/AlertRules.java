package dev.trader.engine.alert;

import dev.trader.engine.settings.ObservabilitySettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alert rules: from what the node sees now, which conditions hold. Most are states (stale
 * data, a hold, the journal down); the two order-attempt alerts are events, active from an
 * attempt until {@code event-hold} has passed without another. Those need the running counts of
 * the previous evaluation, so one instance serves one node.
 */
public final class AlertRules {
    private static final String NODE = "node";

    private final ObservabilitySettings settings;
    private final EventCount killSwitch = new EventCount();
    private final EventCount floors = new EventCount();

    public AlertRules(ObservabilitySettings settings) {
        this.settings = settings;
    }

    public List<AlertCondition> evaluate(AlertInputs in) {
        List<AlertCondition> out = new ArrayList<>();
        killSwitch.seen(in.killSwitchAttempts(), in.now());
        if (killSwitch.activeAt(in.now(), settings.eventHold())) {
            out.add(new AlertCondition(AlertKind.KILL_SWITCH_ORDER_ATTEMPT, NODE, killSwitch.since() + " order(s) attempted while the kill switch held them"));
        }
        floors.seen(in.floorAttempts(), in.now());
        if (floors.activeAt(in.now(), settings.eventHold())) {
            out.add(new AlertCondition(AlertKind.FLOOR_BREACH_ATTEMPT, NODE, floors.since() + " order(s) refused that would have breached a prop-firm floor"));
        }
        new TreeMap<>(in.sinceLastBar()).forEach((instrument, quiet) -> {
            if (quiet.compareTo(settings.staleAfter()) > 0) {
                out.add(new AlertCondition(AlertKind.STALE_DATA, instrument, "no bar for " + quiet.toSeconds() + " s (stale after "
                        + settings.staleAfter().toSeconds() + " s)"));
            }
        });
        new TreeMap<>(in.slippage()).forEach((instrument, bps) -> slippage(instrument, bps).ifPresent(out::add));
        hitRate(in.lastTradesWon()).ifPresent(out::add);
        new TreeMap<>(in.holds()).forEach((instrument, why) ->
                out.add(new AlertCondition(AlertKind.RECONCILIATION_MISMATCH, instrument, "entries held: " + why)));
        if (in.journalProblem() != null) {
            out.add(new AlertCondition(AlertKind.JOURNAL_FAILURE, NODE, "journal database: " + in.journalProblem()));
        }
        return out;
    }

    private Optional<AlertCondition> slippage(String instrument, List<BigDecimal> bps) {
        int n = settings.slippageFills();
        if (bps.size() < n) {
            return Optional.empty();
        }
        List<BigDecimal> last = bps.subList(bps.size() - n, bps.size());
        if (last.stream().allMatch(b -> b.compareTo(settings.slippageP90Bps()) > 0)) {
            return Optional.of(new AlertCondition(AlertKind.SLIPPAGE_ABOVE_P90, instrument, "the last " + n + " orders slipped "
                    + last.stream().map(b -> b.setScale(2, RoundingMode.HALF_UP).toPlainString()).toList() + " bps, each above the p90 of "
                    + settings.slippageP90Bps().toPlainString() + " bps"));
        }
        return Optional.empty();
    }

    private Optional<AlertCondition> hitRate(List<Boolean> won) {
        int n = settings.hitRateTrades();
        if (won.size() < n) {
            return Optional.empty();
        }
        long wins = won.subList(won.size() - n, won.size()).stream().filter(Boolean::booleanValue).count();
        BigDecimal rate = BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN);
        if (rate.compareTo(settings.hitRateFloor()) < 0) {
            return Optional.of(new AlertCondition(AlertKind.HIT_RATE_BELOW_FLOOR, NODE, wins + " of the last " + n + " trades won ("
                    + rate.toPlainString() + "), below the floor of " + settings.hitRateFloor().toPlainString()));
        }
        return Optional.empty();
    }

    /** A running count's increases: when the latest was and how many since the alert went up. */
    private static final class EventCount {
        private Long previous;
        private Instant lastIncrease;
        private long since;

        void seen(long count, Instant now) {
            if (previous != null && count > previous) {
                if (lastIncrease == null) {
                    since = 0;
                }
                since += count - previous;
                lastIncrease = now;
            }
            previous = count;
        }

        boolean activeAt(Instant now, Duration hold) {
            if (lastIncrease != null && Duration.between(lastIncrease, now).compareTo(hold) > 0) {
                lastIncrease = null;
            }
            return lastIncrease != null;
        }

        long since() {
            return since;
        }
    }
}
