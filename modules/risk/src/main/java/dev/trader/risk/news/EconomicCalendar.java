package dev.trader.risk.news;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Economic events sorted by time, immutable. The blackout query is a binary search plus a scan
 * of the events inside the window, so it stays cheap on a year of entries.
 */
public final class EconomicCalendar {
    public static final EconomicCalendar EMPTY = new EconomicCalendar(List.of());

    private static final Comparator<EconomicEvent> ORDER = Comparator.comparing(EconomicEvent::time)
            .thenComparing(EconomicEvent::currency).thenComparing(EconomicEvent::title).thenComparing(EconomicEvent::id);

    private final List<EconomicEvent> events;

    public EconomicCalendar(Collection<EconomicEvent> events) {
        List<EconomicEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        this.events = List.copyOf(sorted);
    }

    public List<EconomicEvent> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    /**
     * The first event of at least {@code minImpact} for one of {@code currencies} (or for
     * {@code ALL}) whose blackout window {@code [event − before, event + after]} contains
     * {@code time}. Both edges are inside the window.
     */
    public Optional<EconomicEvent> blackout(Set<String> currencies, Instant time, Duration before, Duration after, Impact minImpact) {
        Instant from = time.minus(after);
        Instant to = time.plus(before);
        for (int i = firstAtOrAfter(from); i < events.size(); i++) {
            EconomicEvent e = events.get(i);
            if (e.time().isAfter(to)) {
                break;
            }
            if (e.impact().atLeast(minImpact) && (currencies.contains(e.currency()) || e.currency().equals(EconomicEvent.ALL))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private int firstAtOrAfter(Instant t) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
