package dev.trader.backtest.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.BacktestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html is one self-contained file with the labelled charts, and the same run writes the same bytes. */
class ReportPageTest {
    private static String html;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeReport() throws Exception {
        RunReport.write(SampleRun.r1(SampleRun.BTC, SampleRun.ETH), dir.resolve("a"));
        html = Files.readString(dir.resolve("a").resolve(RunReport.HTML));
    }

    @Test
    void theReportLoadsNothingFromOutside() {
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("//cdn"), "no URL at all");
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(Pattern.compile("\\ssrc=").matcher(html).find(), "no src attribute");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    @Test
    void theReportHasTheChartsWithLabelledAxes() {
        assertEquals(5, count("<svg class=\"chart\""), "equity, drawdown, monthly, daily, heatmap");
        for (String text : List.of("Equity (USDT", "Drawdown (% below the running peak", "Monthly returns", "Daily returns",
                "Hit rate by weekday × hour of entry (UTC)", "time (UTC)", "equity (USDT)", "drawdown (%)", "month (UTC)", "day (UTC)",
                "hour of entry (UTC)", "Hit rate by session at entry", "Sharpe (per bar, ann.)", "Max drawdown", "Profit factor", "Expectancy (R)")) {
            assertTrue(html.contains(text), text);
        }
        assertEquals(7 * 24, count("<rect x=\"\\d+\" y=\"\\d+\" width=\"\\d+\" height=\"29\""), "one heatmap cell per weekday hour");
        assertTrue(html.contains("<td class=\"neg\">-"), "the monthly table shows March's loss");
    }

    @Test
    void theSameRunWritesTheSameBytes() throws Exception {
        BacktestResult again = SampleRun.r1(SampleRun.BTC, SampleRun.ETH);
        RunReport.write(again, dir.resolve("b"));
        for (String f : List.of("trades.csv", "equity.csv", "summary.json", RunReport.HTML)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }

    private static int count(String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
