package dev.trader.risk.news;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * A calendar file that is reloaded when it changes. No threads: the engine calls
 * {@link #refresh()} (say, once per bar); it compares the file's modification time and size
 * with the last load and re-reads only if either differs. A file that cannot be read keeps the
 * last good calendar and reports the problem. Two writes of the same size within the file
 * system's timestamp granularity are indistinguishable: the second is picked up at the next
 * change.
 */
public final class CalendarSource {
    private final Path path;
    private FileTime loadedModified;
    private long loadedSize = -1;
    private EconomicCalendar calendar = EconomicCalendar.EMPTY;
    private List<CalendarProblem> problems = List.of();
    private long loads;

    public CalendarSource(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Opens {@code path} and loads it once. */
    public static CalendarSource open(Path path) {
        CalendarSource s = new CalendarSource(path);
        s.refresh();
        return s;
    }

    /** Re-reads the file if its modification time or size changed. Returns whether it was (re)loaded. */
    public boolean refresh() {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            problems = List.of(new CalendarProblem(0, "cannot read " + path + ": " + e.getMessage() + "; keeping the last good calendar"));
            return false;
        }
        if (attrs.lastModifiedTime().equals(loadedModified) && attrs.size() == loadedSize) {
            return false;
        }
        try {
            CalendarLoad load = CalendarParser.read(path);
            calendar = load.calendar();
            problems = load.problems();
        } catch (IOException e) {
            problems = List.of(new CalendarProblem(0, "cannot read " + path + ": " + e.getMessage() + "; keeping the last good calendar"));
            return false;
        }
        loadedModified = attrs.lastModifiedTime();
        loadedSize = attrs.size();
        loads++;
        return true;
    }

    /** Re-reads the file whatever its modification time says (an operator's reload: a copy can keep the time and size). */
    public boolean reload() {
        loadedModified = null;
        loadedSize = -1;
        return refresh();
    }

    /** Refreshes, then returns the calendar: for callers that check on each evaluation. */
    public EconomicCalendar current() {
        refresh();
        return calendar;
    }

    /** The calendar of the last successful load (empty before one). */
    public EconomicCalendar calendar() {
        return calendar;
    }

    /** Rows of the last load that did not load, or why the last refresh could not read the file. */
    public List<CalendarProblem> problems() {
        return problems;
    }

    /** How many times the file was loaded. */
    public long loads() {
        return loads;
    }

    public Path path() {
        return path;
    }
}
