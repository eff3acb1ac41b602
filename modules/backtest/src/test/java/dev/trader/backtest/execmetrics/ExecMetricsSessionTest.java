package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.strategy.session.SessionClock;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One session per instant, from the strategy module's session clock; overlaps go to the session that opened last. */
class ExecMetricsSessionTest {
    @ParameterizedTest
    @CsvSource({
            "2024-01-01T00:30:00Z, ASIA, Monday 09:30 in Tokyo",
            "2024-01-01T08:30:00Z, LONDON, 17:30 in Tokyo and 08:30 in London (winter): the overlap goes to London",
            "2024-01-01T09:00:00Z, LONDON, Tokyo closed",
            "2024-01-01T13:00:00Z, NEW_YORK, 08:00 in New York (winter), London still open",
            "2024-01-01T20:59:00Z, NEW_YORK, 15:59 in New York",
            "2024-01-01T22:00:00Z, OUTSIDE, New York closed at 17:00 (22:00 UTC), Tokyo opens at 00:00 UTC",
            "2024-01-06T12:00:00Z, OUTSIDE, a Saturday",
            "2023-03-14T12:30:00Z, NEW_YORK, US daylight saving from 12 March: 08:30 in New York, UK not yet",
            "2023-03-07T12:30:00Z, LONDON, a week earlier 07:30 in New York",
            "2024-08-08T23:54:00Z, OUTSIDE, the frame recordings: 19:54 in New York, 08:54 in Tokyo",
            "2024-08-09T00:00:00Z, ASIA, Friday 09:00 in Tokyo",
            "2020-02-22T01:00:00Z, OUTSIDE, the tardis slice: a Saturday"})
    void anInstantBelongsToOneSession(String time, ExecutionSession session, String why) {
        assertEquals(session, ExecutionSession.of(SessionClock.defaults(), Instant.parse(time)), why);
    }
}
