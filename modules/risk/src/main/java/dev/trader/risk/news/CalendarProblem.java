package dev.trader.risk.news;

/** A calendar row that was not loaded: its line in the file (1 = the first line; 0 = the file as a whole) and why. */
public record CalendarProblem(int line, String reason) {
    @Override
    public String toString() {
        return (line == 0 ? "file" : "line " + line) + ": " + reason;
    }
}
