package dev.trader.risk.news;

import java.util.List;

/** What reading a calendar gave: the events that loaded and the rows that did not, each with its line and reason. */
public record CalendarLoad(EconomicCalendar calendar, List<CalendarProblem> problems) {
    public CalendarLoad {
        problems = List.copyOf(problems);
    }
}
