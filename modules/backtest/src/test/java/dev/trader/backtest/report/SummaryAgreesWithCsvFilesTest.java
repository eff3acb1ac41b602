package dev.trader.backtest.report;

import static dev.trader.backtest.report.JsonTree.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real candles, every metric in summary.json equals what this test recomputes on its own from
 * trades.csv and equity.csv alone (with the conventions of the metrics package written out again
 * here, and the sessions from java.time zones rather than the SessionClock): money exactly,
 * ratios to the 6 decimals the file keeps. The bundled week always; a month and a half of the
 * shared data set when present.
 */
class SummaryAgreesWithCsvFilesTest {
    private static final double RATIO = 2e-6;

    @TempDir
    Path dir;

    @Test
    void summaryOfR1OnTheBundledWeekAgreesWithItsCsvFiles() throws Exception {
        RunReport.write(SampleRun.r1(SampleRun.BTC, SampleRun.ETH), dir);
        assertAgree(dir);
    }

    @Test
    void summaryOfR1OnSixWeeksOfSharedDataAgreesWithItsCsvFiles() throws Exception {
        Path btc = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "binance-spot-1m",
                "BTC_USDT-1m_20230316-20230501.json.gz");
        assumeTrue(Files.isRegularFile(btc), "shared real data not present at " + btc);
        RunReport.write(SampleRun.r1(btc), dir);
        assertAgree(dir);
    }

    record Trade(Instant open, Instant close, BigDecimal entry, BigDecimal exit, BigDecimal qty, BigDecimal pnl, BigDecimal net, BigDecimal fees,
                 BigDecimal stop, BigDecimal slippage) {
    }

    record Point(Instant time, BigDecimal cash, BigDecimal equity, BigDecimal drawdown) {
    }

    private static void assertAgree(Path dir) throws Exception {
        Map<String, Object> s = JsonTree.object(Files.readString(dir.resolve("summary.json")));
        List<Trade> trades = trades(dir.resolve("trades.csv"));
        List<Point> points = points(dir.resolve("equity.csv"));
        assertTrue(trades.size() > 100, "R1 trades plenty: " + trades.size());
        BigDecimal initial = decimal(s, "initial_cash");

        // ---- trades ----
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal slippage = BigDecimal.ZERO;
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        int wins = 0;
        int losses = 0;
        List<Double> rs = new ArrayList<>();
        List<Double> winRs = new ArrayList<>();
        List<Double> lossRs = new ArrayList<>();
        long heldMillis = 0;
        for (Trade t : trades) {
            net = net.add(t.net());
            gross = gross.add(t.pnl());
            fees = fees.add(t.fees());
            slippage = slippage.add(t.slippage());
            notional = notional.add(t.entry().multiply(t.qty())).add(t.exit().multiply(t.qty()));
            if (t.net().signum() > 0) {
                wins++;
                profit = profit.add(t.net());
            } else if (t.net().signum() < 0) {
                losses++;
                loss = loss.add(t.net().negate());
            }
            if (t.stop() != null && t.entry().compareTo(t.stop()) > 0) {
                double r = t.net().doubleValue() / t.entry().subtract(t.stop()).multiply(t.qty()).doubleValue();
                rs.add(r);
                (t.net().signum() > 0 ? winRs : t.net().signum() < 0 ? lossRs : new ArrayList<Double>()).add(r);
            }
            heldMillis += Duration.between(t.open(), t.close()).toMillis();
        }
        int n = trades.size();
        assertEquals(n, decimal(s, "trades").intValue());
        assertEquals(wins, decimal(s, "wins").intValue());
        assertEquals(losses, decimal(s, "losses").intValue());
        assertMoney(net, s, "net_pnl");
        assertMoney(gross, s, "gross_pnl");
        assertMoney(fees, s, "fees");
        assertMoney(fees, s, "fees_all_fills"); // every fill is in a round trip: positions are closed at the end
        assertMoney(slippage, s, "slippage_cost");
        assertTrue(slippage.signum() > 0, "1.5 bps of slippage cost something");
        assertMoney(profit, s, "gross_profit");
        assertMoney(loss, s, "gross_loss");
        assertMoney(notional, s, "traded_notional");
        assertMoney(profit.divide(BigDecimal.valueOf(wins), 8, RoundingMode.HALF_EVEN), s, "avg_win");
        assertMoney(loss.divide(BigDecimal.valueOf(losses), 8, RoundingMode.HALF_EVEN), s, "avg_loss");
        assertMoney(net.divide(BigDecimal.valueOf(n), 8, RoundingMode.HALF_EVEN), s, "expectancy");
        assertEquals(BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN), decimal(s, "win_rate"));
        assertRatio(profit.doubleValue() / loss.doubleValue(), s, "profit_factor");
        assertEquals(n, rs.size(), "every R1 entry places its stop");
        assertEquals(rs.size(), decimal(s, "r_trades").intValue());
        assertRatio(mean(rs), s, "expectancy_r");
        assertRatio(mean(winRs), s, "avg_win_r");
        assertRatio(mean(lossRs), s, "avg_loss_r");
        assertEquals(0, BigDecimal.valueOf(heldMillis).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN).movePointLeft(3)
                .compareTo(decimal(s, "avg_hold_seconds")), "avg_hold_seconds");

        // ---- equity ----
        Point last = points.get(points.size() - 1);
        assertMoney(last.equity(), s, "final_equity");
        assertMoney(last.equity().subtract(initial), s, "total_pnl");
        assertRatio(last.equity().doubleValue() / initial.doubleValue() - 1, s, "total_return");
        BigDecimal peak = null;
        BigDecimal maxDd = BigDecimal.ZERO;
        BigDecimal maxDdPct = BigDecimal.ZERO;
        int peakIndex = 0;
        long longestUnder = 0;
        int held = 0;
        BigDecimal equitySum = BigDecimal.ZERO;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (peak == null || p.equity().compareTo(peak) >= 0) {
                longestUnder = Math.max(longestUnder, Duration.between(points.get(peakIndex).time(), p.time()).toMillis());
                peak = p.equity();
                peakIndex = i;
            }
            BigDecimal dd = peak.subtract(p.equity());
            assertEquals(0, dd.compareTo(p.drawdown()), "the drawdown column at " + p.time());
            maxDd = maxDd.max(dd);
            maxDdPct = maxDdPct.max(dd.divide(peak, 6, RoundingMode.HALF_EVEN));
            if (p.cash().compareTo(p.equity()) != 0) {
                held++;
            }
            equitySum = equitySum.add(p.equity());
        }
        longestUnder = Math.max(longestUnder, Duration.between(points.get(peakIndex).time(), last.time()).toMillis());
        assertMoney(maxDd, s, "max_drawdown");
        assertEquals(0, maxDdPct.compareTo(decimal(s, "max_drawdown_pct")), "max_drawdown_pct");
        assertEquals(longestUnder / 1000, decimal(s, "max_drawdown_duration_seconds").longValue(), "max_drawdown_duration_seconds");
        assertRatio((double) held / points.size(), s, "exposure");
        assertRatio(notional.doubleValue() / (equitySum.doubleValue() / points.size()), s, "turnover");

        // ---- returns ----
        Duration bar = Duration.ofMinutes(1);
        Instant start = points.get(0).time();
        Instant end = last.time().plus(bar);
        assertEquals(start.toString(), s.get("period_start"));
        assertEquals(end.toString(), s.get("period_end"));
        double years = Duration.between(start, end).toMillis() / (365.0 * 86_400_000);
        double cagr = Math.pow(last.equity().doubleValue() / initial.doubleValue(), 1 / years) - 1;
        assertRatio(cagr, s, "cagr");
        assertRatio(cagr / maxDdPct.doubleValue(), s, "calmar");
        double[] perBar = new double[points.size()];
        BigDecimal previous = initial;
        for (int i = 0; i < points.size(); i++) {
            perBar[i] = points.get(i).equity().doubleValue() / previous.doubleValue() - 1;
            previous = points.get(i).equity();
        }
        assertRatio(sharpe(perBar, 365 * 24 * 60), s, "sharpe");
        assertRatio(sortino(perBar, 365 * 24 * 60), s, "sortino");
        Map<String, BigDecimal> dayEnd = new TreeMap<>();
        Map<String, BigDecimal> monthEnd = new TreeMap<>();
        for (Point p : points) {
            dayEnd.put(p.time().atZone(ZoneOffset.UTC).toLocalDate().toString(), p.equity());
            monthEnd.put(p.time().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7), p.equity());
        }
        double[] daily = returns(initial, dayEnd);
        assertRatio(sharpe(daily, 365), s, "sharpe_daily");
        assertRatio(sortino(daily, 365), s, "sortino_daily");
        double[] monthly = returns(initial, monthEnd);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> months = (List<Map<String, Object>>) s.get("monthly_returns");
        assertEquals(List.copyOf(monthEnd.keySet()), months.stream().map(m -> m.get("month")).toList());
        for (int i = 0; i < monthly.length; i++) {
            assertEquals(monthly[i], decimal(months.get(i), "return").doubleValue(), RATIO, "monthly return " + months.get(i).get("month"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) s.get("daily_returns");
        assertEquals(dayEnd.size(), days.size());

        // ---- hit rates ----
        Map<String, int[]> sessions = new LinkedHashMap<>();
        Map<String, BigDecimal> sessionNet = new LinkedHashMap<>();
        Map<String, int[]> cells = new TreeMap<>();
        for (Trade t : trades) {
            List<String> in = new ArrayList<>();
            if (open(t.open(), "Asia/Tokyo", 9, 18)) {
                in.add("asia");
            }
            if (open(t.open(), "Europe/London", 8, 17)) {
                in.add("london");
            }
            if (open(t.open(), "America/New_York", 8, 17)) {
                in.add("new_york");
            }
            if (in.isEmpty()) {
                in.add("outside");
            }
            for (String name : in) {
                int[] c = sessions.computeIfAbsent(name, k -> new int[2]);
                c[0]++;
                c[1] += t.net().signum() > 0 ? 1 : 0;
                sessionNet.merge(name, t.net(), BigDecimal::add);
            }
            ZonedDateTime utc = t.open().atZone(ZoneOffset.UTC);
            int[] c = cells.computeIfAbsent(String.format("%d-%02d", utc.getDayOfWeek().getValue(), utc.getHour()), k -> new int[2]);
            c[0]++;
            c[1] += t.net().signum() > 0 ? 1 : 0;
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> bySession = (Map<String, Map<String, Object>>) s.get("hit_rate_by_session");
        for (String name : List.of("asia", "london", "new_york", "outside")) {
            int[] c = sessions.getOrDefault(name, new int[2]);
            assertEquals(c[0], decimal(bySession.get(name), "trades").intValue(), name + " trades");
            assertEquals(c[1], decimal(bySession.get(name), "wins").intValue(), name + " wins");
            assertMoney(sessionNet.getOrDefault(name, BigDecimal.ZERO), bySession.get(name), "net_pnl");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> grid = (List<Map<String, Object>>) s.get("hit_rate_by_weekday_hour");
        assertEquals(cells.size(), grid.size(), "weekday-hour cells with trades");
        for (Map<String, Object> cell : grid) {
            String key = String.format("%d-%02d", DayOfWeek.valueOf((String) cell.get("weekday")).getValue(), decimal(cell, "hour").intValue());
            assertEquals(cells.get(key)[0], decimal(cell, "trades").intValue(), key);
            assertEquals(cells.get(key)[1], decimal(cell, "wins").intValue(), key);
        }
    }

    /** A weekday session of [from, to) local hours. */
    private static boolean open(Instant t, String zone, int from, int to) {
        ZonedDateTime local = t.atZone(ZoneId.of(zone));
        LocalTime time = local.toLocalTime();
        return local.getDayOfWeek().getValue() <= 5 && !time.isBefore(LocalTime.of(from, 0)) && time.isBefore(LocalTime.of(to, 0));
    }

    private static double[] returns(BigDecimal initial, Map<String, BigDecimal> ends) {
        double[] r = new double[ends.size()];
        BigDecimal previous = initial;
        int i = 0;
        for (BigDecimal e : ends.values()) {
            r[i++] = e.divide(previous, MathContext.DECIMAL64).doubleValue() - 1;
            previous = e;
        }
        return r;
    }

    private static double sharpe(double[] r, double perYear) {
        double mean = 0;
        for (double x : r) {
            mean += x / r.length;
        }
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean) / (r.length - 1);
        }
        return mean / Math.sqrt(var) * Math.sqrt(perYear);
    }

    private static double sortino(double[] r, double perYear) {
        double mean = 0;
        double down = 0;
        for (double x : r) {
            mean += x / r.length;
            down += x < 0 ? x * x / r.length : 0;
        }
        return mean / Math.sqrt(down) * Math.sqrt(perYear);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static void assertMoney(BigDecimal expected, Map<String, Object> s, String key) {
        assertEquals(0, expected.compareTo(decimal(s, key)), key + ": expected " + expected.toPlainString() + " but summary.json has " + s.get(key));
    }

    private static void assertRatio(double expected, Map<String, Object> s, String key) {
        if (Double.isNaN(expected)) {
            assertNull(s.get(key), key);
            return;
        }
        double actual = decimal(s, key).doubleValue();
        assertEquals(expected, actual, Math.max(RATIO, Math.abs(expected) * 1e-9), key);
    }

    private static List<Trade> trades(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees,fees,instrument,exit_reason,initial_stop,slippage",
                lines.get(0));
        List<Trade> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.add(new Trade(Instant.parse(f[0]), Instant.parse(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]),
                    new BigDecimal(f[5]), new BigDecimal(f[6]), new BigDecimal(f[7]), f[10].isEmpty() ? null : new BigDecimal(f[10]),
                    new BigDecimal(f[11])));
        }
        return out;
    }

    private static List<Point> points(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<Point> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Point(Instant.parse(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3])));
        }
        return out;
    }
}
