package dev.trader.risk.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.risk.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of a copy of the real calendar, and rows that do not load. */
class CalendarSourceTest {
    private static final Duration W = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private Path copy() throws IOException {
        Path p = dir.resolve("calendar.csv");
        Files.copy(Fixtures.CALENDAR, p);
        return p;
    }

    private static List<String> lines(Path p) throws IOException {
        return new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    }

    private static boolean blocked(EconomicCalendar c, String time) {
        return c.blackout(Set.of("EUR", "USD"), Instant.parse(time), W, W, Impact.HIGH).isPresent();
    }

    @Test
    void aRewrittenFileIsReloadedOnRefreshAndItsNewEventsApply() throws IOException {
        Path p = copy();
        CalendarSource source = CalendarSource.open(p);
        assertEquals(1, source.loads());
        assertEquals(179, source.calendar().size());
        assertFalse(blocked(source.calendar(), "2020-01-13T10:00:00Z"));

        // The NFP row rescheduled into Monday morning (as a calendar correction would), written to the copy.
        List<String> rows = lines(p);
        String nfp = rows.stream().filter(l -> l.contains(",Non-Farm Employment Change,")).findFirst().orElseThrow();
        rows.add(nfp.replace("2020-01-10T13:30:00+00:00", "2020-01-13T10:00:00+00:00"));
        Files.write(p, rows, StandardCharsets.UTF_8);

        assertFalse(blocked(source.calendar(), "2020-01-13T10:00:00Z"), "nothing changes before a refresh");
        assertTrue(source.refresh());
        assertEquals(2, source.loads());
        assertEquals(180, source.calendar().size());
        assertTrue(blocked(source.calendar(), "2020-01-13T10:00:00Z"));
        assertFalse(source.refresh(), "unchanged file: no reload");
        assertEquals(2, source.loads());
    }

    @Test
    void aSameSizeEditIsSeenThroughTheModificationTime() throws IOException {
        Path p = copy();
        CalendarSource source = CalendarSource.open(p);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        long size = Files.size(p);
        FileTime before = Files.getLastModifiedTime(p);
        // Move the three NFP-hour USD releases from 13:30 to 14:30: the same number of bytes.
        Files.writeString(p, text.replace("2020-01-10T13:30:00+00:00,USD", "2020-01-10T14:30:00+00:00,USD"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.fromMillis(before.toMillis() + 2000));
        assertEquals(size, Files.size(p));

        assertTrue(source.current().blackout(Set.of("USD"), Instant.parse("2020-01-10T14:30:00Z"), W, W, Impact.HIGH).isPresent(),
                "current() refreshes before answering");
        assertFalse(source.calendar().blackout(Set.of("USD"), Instant.parse("2020-01-10T13:30:00Z"), W, W, Impact.HIGH).isPresent());
    }

    @Test
    void malformedRowsAreReportedWithLineAndReasonAndTheRestLoads() throws IOException {
        Path p = copy();
        List<String> rows = lines(p);
        // Lines are 1-based with the header as line 1; each insert shifts the rows below it.
        rows.add(2, "2020-01-06T01:00:00+00:00,USD,High Impact Expected,Too few fields");
        rows.add(4, "2020-13-45T25:00:00+00:00,USD,High Impact Expected,Bad time,,,,1");
        rows.add(6, "2020-01-06T02:00:00+00:00,USD,Huge Impact Expected,Bad impact,,,,2");
        rows.add(8, "2020-01-06T03:00:00+00:00,,High Impact Expected,No currency,,,,3");
        rows.add(10, "2020-01-06T04:00:00+00:00,USD,High Impact Expected,\"Unclosed quote,,,,4");
        Files.write(p, rows, StandardCharsets.UTF_8);

        CalendarSource source = CalendarSource.open(p);

        assertEquals(179, source.calendar().size(), "every good row loads");
        List<CalendarProblem> problems = source.problems();
        assertEquals(5, problems.size(), problems::toString);
        assertEquals(new CalendarProblem(3, "has 4 fields but the header has 8"), problems.get(0));
        assertEquals(5, problems.get(1).line());
        assertTrue(problems.get(1).reason().startsWith("the time '2020-13-45T25:00:00+00:00' is not ISO-8601"), problems.get(1).reason());
        assertEquals(new CalendarProblem(7, "the impact 'Huge Impact Expected' is not High, Medium, Low or Non-Economic"), problems.get(2));
        assertEquals(new CalendarProblem(9, "the currency is missing"), problems.get(3));
        assertEquals(new CalendarProblem(11, "a quoted field is not closed"), problems.get(4));
        assertEquals("line 9: the currency is missing", problems.get(3).toString());
    }

    @Test
    void aVanishedFileKeepsTheLastGoodCalendar() throws IOException {
        Path p = copy();
        CalendarSource source = CalendarSource.open(p);
        Files.delete(p);
        assertFalse(source.refresh());
        assertEquals(179, source.calendar().size());
        assertEquals(0, source.problems().get(0).line());
        assertTrue(source.problems().get(0).reason().contains("keeping the last good calendar"));
    }

    @Test
    void aHeaderWithoutTheNeededColumnsLoadsNothingAndSaysWhy() {
        CalendarLoad load = CalendarParser.parseCsv("when,what\n2020-01-10T13:30:00Z,NFP\n");
        assertEquals(0, load.calendar().size());
        assertEquals(1, load.problems().get(0).line());
        assertTrue(load.problems().get(0).reason().startsWith("header must name a time, currency, impact and event column"));
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        CalendarLoad load = CalendarParser.parseCsv("datetime_utc,currency,impact,event\n"
                + "2020-01-10T13:30:00Z,USD,High,\"Payrolls, \"\"headline\"\"\"\n");
        assertEquals(List.of(), load.problems());
        assertEquals("Payrolls, \"headline\"", load.calendar().events().get(0).title());
    }

    @Test
    void theJsonFormReadsForexFactorysWeeklyExportAndReportsBadElementsByLine() throws IOException {
        String json = "[\n"
                + "  {\"title\":\"Non-Farm Employment Change\",\"country\":\"USD\",\"date\":\"2020-01-10T08:30:00-05:00\",\"impact\":\"High\",\"forecast\":\"162K\",\"previous\":\"256K\"},\n"
                + "  {\"title\":\"Broken date\",\"country\":\"USD\",\"date\":\"soon\",\"impact\":\"High\"},\n"
                + "  {\"title\":\"Unknown impact\",\"country\":\"EUR\",\"date\":\"2020-01-10T08:30:00-05:00\",\"impact\":\"Huge\"},\n"
                + "  {\"title\":\"Bank Holiday\",\"country\":\"JPY\",\"date\":\"2020-01-13T00:00:00+09:00\",\"impact\":\"Holiday\"}\n"
                + "]\n";
        Path p = dir.resolve("week.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        CalendarSource source = CalendarSource.open(p);
        assertEquals(2, source.calendar().size());
        EconomicEvent nfp = source.calendar().events().get(0);
        assertEquals(Instant.parse("2020-01-10T13:30:00Z"), nfp.time());
        assertEquals(Impact.HIGH, nfp.impact());
        assertEquals(Impact.NON_ECONOMIC, source.calendar().events().get(1).impact());
        assertEquals(2, source.problems().size());
        assertEquals(3, source.problems().get(0).line());
        assertTrue(source.problems().get(0).reason().startsWith("the time 'soon'"));
        assertEquals(4, source.problems().get(1).line());

        CalendarLoad ours = CalendarParser.parseJson("{\"events\":[{\"time\":\"2020-01-10T13:30:00Z\",\"currency\":\"usd\",\"impact\":\"High Impact Expected\","
                + "\"event\":\"NFP\",\"id\":111067}]}");
        assertEquals(List.of(), ours.problems());
        assertEquals("USD", ours.calendar().events().get(0).currency());
        assertEquals("111067", ours.calendar().events().get(0).id());

        CalendarLoad broken = CalendarParser.parseJson("[\n{\"time\": \"2020-01-10T13:30:00Z\",\n \"currency\" \"USD\"}\n]");
        assertEquals(0, broken.calendar().size());
        assertEquals(3, broken.problems().get(0).line());
        assertTrue(broken.problems().get(0).reason().startsWith("not valid JSON: expected ':'"), broken.problems().get(0).reason());
    }
}
