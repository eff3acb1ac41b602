package dev.trader.engine.account;

import dev.trader.risk.news.CalendarProblem;
import dev.trader.risk.news.CalendarSource;
import dev.trader.risk.news.EconomicCalendar;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The economic calendar of the news blackout: the file of {@code trader.risk.news.calendar-file},
 * re-read when it changes (checked once per bar), or none. A file that stops loading keeps the
 * last good calendar; its problems are logged when they change. Shared by the account entity's
 * incarnations on this node, hence synchronized.
 */
public final class NewsCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(NewsCalendar.class);
    public static final NewsCalendar NONE = new NewsCalendar(null);

    private final CalendarSource source;
    private List<CalendarProblem> reported = List.of();

    private NewsCalendar(CalendarSource source) {
        this.source = source;
    }

    /** The calendar in {@code file}, or none if {@code file} is null. */
    public static NewsCalendar of(Path file) {
        if (file == null) {
            LOG.info("news blackout: no calendar file (trader.risk.news.calendar-file), so no entry is blocked for news");
            return NONE;
        }
        NewsCalendar n = new NewsCalendar(CalendarSource.open(file));
        LOG.info("news blackout: {} events from {}", n.source.calendar().size(), file);
        n.report();
        return n;
    }

    /** Re-reads the file if it changed. */
    public synchronized void refresh() {
        if (source != null && source.refresh()) {
            LOG.info("news calendar {} reloaded: {} events", source.path(), source.calendar().size());
        }
        report();
    }

    /** What an operator's reload found: the file (null: none configured), its events, and its problems. */
    public record Loaded(String file, int events, List<String> problems) {
    }

    /** Re-reads the file now (whether or not it changed) and says what it holds. */
    public synchronized Loaded reload() {
        if (source == null) {
            return new Loaded(null, 0, List.of("no calendar file configured (trader.risk.news.calendar-file)"));
        }
        source.reload();
        LOG.info("news calendar {} reloaded by an operator: {} events", source.path(), source.calendar().size());
        report();
        return new Loaded(source.path().toString(), source.calendar().size(), source.problems().stream().map(Object::toString).toList());
    }

    /** The calendar to decide with; null when none is configured (the rule is then skipped). */
    public synchronized EconomicCalendar calendar() {
        return source == null ? null : source.calendar();
    }

    private void report() {
        if (source != null && !source.problems().equals(reported)) {
            reported = source.problems();
            reported.forEach(p -> LOG.warn("news calendar {}: {}", source.path(), p));
        }
    }
}
