package dev.trader.risk.news;

import static dev.trader.risk.testkit.Fixtures.BTCUSDT_ID;
import static dev.trader.risk.testkit.Fixtures.EURUSD_ID;
import static dev.trader.risk.testkit.Fixtures.STRAT;
import static dev.trader.risk.testkit.Fixtures.XAUUSD_ID;
import static dev.trader.risk.testkit.Fixtures.approved;
import static dev.trader.risk.testkit.Fixtures.intent;
import static dev.trader.risk.testkit.Fixtures.rejected;
import static dev.trader.risk.testkit.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.limits.InstrumentCurrencies;
import dev.trader.risk.rules.EntryRequest;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.rules.RiskConfig;
import dev.trader.risk.testkit.Fixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The news blackout on two real weeks of the Forex Factory calendar (2020-01-06 → 01-17). */
class NewsBlackoutOnRealCalendarTest {
    private static final Instant NFP = Instant.parse("2020-01-10T13:30:00Z");
    private static EconomicCalendar calendar;

    @BeforeAll
    static void load() throws IOException {
        CalendarLoad load = CalendarParser.read(Fixtures.CALENDAR);
        assertEquals(java.util.List.of(), load.problems());
        calendar = load.calendar();
    }

    private static PreTradeRisk risk(NewsConfig news) {
        RiskConfig c = RiskConfig.defaults(usd("100000"), BigDecimal.ZERO).withNews(news);
        return new PreTradeRisk(c, Fixtures.ALL);
    }

    private static final PreTradeRisk DEFAULT = risk(NewsConfig.defaults());

    private static PreTradeDecision decide(PreTradeRisk risk, InstrumentId id, String price, String atr, Instant t) {
        AccountRisk s = risk.start(t);
        EntryRequest req = new EntryRequest(intent(STRAT, id, OrderSide.BUY, t, price), null, null, Price.of(atr), null, null);
        return risk.evaluate(s, req, Correlations.NONE, calendar).decision();
    }

    private static PreTradeDecision eurusd(PreTradeRisk risk, Instant t) {
        return decide(risk, EURUSD_ID, "1.11000", "0.00100", t);
    }

    @Test
    void theSliceHoldsEveryRowOfTheTwoWeeks() {
        assertEquals(179, calendar.size());
        long high = calendar.events().stream().filter(e -> e.impact() == Impact.HIGH).count();
        long highUsdEur = calendar.events().stream().filter(e -> e.impact() == Impact.HIGH && Set.of("USD", "EUR").contains(e.currency())).count();
        assertEquals(25, high);
        assertEquals(12, highUsdEur);
        EconomicEvent first = calendar.events().get(0);
        assertEquals(Instant.parse("2020-01-06T00:00:00Z"), first.time());
        assertEquals("115520", first.id());
    }

    @Test
    void nonFarmPayrollsBlacksOutEurusdFrom15MinutesBeforeTo15AfterBothEdgesIncluded() {
        approved(eurusd(DEFAULT, NFP.minus(Duration.ofMinutes(15)).minusSeconds(1)));
        PreTradeDecision.Rejected atStart = rejected(eurusd(DEFAULT, NFP.minus(Duration.ofMinutes(15))), "news_blackout");
        assertEquals("Average Hourly Earnings m/m", atStart.inputs().get("news_event"));
        assertEquals("2020-01-10T13:30:00Z", atStart.inputs().get("news_event_time"));
        assertEquals("USD", atStart.inputs().get("news_event_currency"));
        assertEquals("HIGH", atStart.inputs().get("news_event_impact"));
        assertEquals("EUR,USD", atStart.inputs().get("news_currencies"));
        assertTrue(atStart.reason().contains("no entries from 2020-01-10T13:15:00Z to 2020-01-10T13:45:00Z"), atStart.reason());
        rejected(eurusd(DEFAULT, NFP), "news_blackout");
        rejected(eurusd(DEFAULT, NFP.plus(Duration.ofMinutes(15))), "news_blackout");
        approved(eurusd(DEFAULT, NFP.plus(Duration.ofMinutes(15)).plusSeconds(1)));
    }

    @Test
    void beforeAndAfterAreSeparateSettings() {
        PreTradeRisk asymmetric = risk(new NewsConfig(true, Duration.ofMinutes(30), Duration.ofMinutes(10), Impact.HIGH, Map.of()));
        approved(eurusd(asymmetric, Instant.parse("2020-01-10T12:59:59Z")));
        rejected(eurusd(asymmetric, Instant.parse("2020-01-10T13:00:00Z")), "news_blackout");
        rejected(eurusd(asymmetric, Instant.parse("2020-01-10T13:40:00Z")), "news_blackout");
        approved(eurusd(asymmetric, Instant.parse("2020-01-10T13:40:01Z")));
    }

    @Test
    void instrumentsMapToTheirCalendarCurrencies() {
        InstrumentCurrencies m = InstrumentCurrencies.defaults();
        assertEquals(Set.of("EUR", "USD"), m.calendarCurrencies(Fixtures.EURUSD));
        assertEquals(Set.of("USD"), m.calendarCurrencies(Fixtures.XAUUSD), "gold: USD");
        assertEquals(Set.of("USD"), m.calendarCurrencies(Fixtures.BTCUSDT), "BTCUSDT: USD through USDT");
        assertEquals(Set.of(), m.calendarCurrencies(Fixtures.BTCETH));

        // ECB President Lagarde speaks 2020-01-16 18:00 (EUR, high): EURUSD is blacked out, gold (USD only) is not.
        Instant lagarde = Instant.parse("2020-01-16T17:50:00Z");
        assertEquals("ECB President Lagarde Speaks", rejected(eurusd(DEFAULT, lagarde), "news_blackout").inputs().get("news_event"));
        approved(decide(DEFAULT, XAUUSD_ID, "1550.00", "2", lagarde));
        // NFP blacks out gold and bitcoin against tether as well.
        rejected(decide(DEFAULT, XAUUSD_ID, "1550.00", "2", NFP), "news_blackout");
        rejected(decide(DEFAULT, BTCUSDT_ID, "8000", "50", NFP), "news_blackout");
        // BTCETH has no calendar currency: nothing blacks it out.
        assertTrue(calendar.blackout(m.calendarCurrencies(Fixtures.BTCETH), NFP, Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH).isEmpty());
        // An explicit mapping by symbol replaces the derived one (here: EURUSD watched for JPY only).
        PreTradeRisk mapped = risk(new NewsConfig(true, Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH, Map.of("EURUSD", Set.of("JPY"))));
        approved(eurusd(mapped, NFP));
        assertEquals(Set.of("USD"), new InstrumentCurrencies(Map.of(), Map.of("BTCETH", Set.of("USD"))).calendarCurrencies(Fixtures.BTCETH));
    }

    @Test
    void otherCurrenciesAndLowerImpactsDoNotBlackOutUnlessConfigured() {
        // 2020-01-15 09:30 GBP CPI (high): not EURUSD's currencies.
        approved(eurusd(DEFAULT, Instant.parse("2020-01-15T09:30:00Z")));
        // 2020-01-15 13:30 USD PPI (medium): only with min-impact medium.
        Instant ppi = Instant.parse("2020-01-15T13:30:00Z");
        approved(eurusd(DEFAULT, ppi));
        PreTradeRisk medium = risk(new NewsConfig(true, Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.MEDIUM, Map.of()));
        assertEquals("Core PPI m/m", rejected(eurusd(medium, ppi), "news_blackout").inputs().get("news_event"));
        PreTradeRisk off = risk(new NewsConfig(false, Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH, Map.of()));
        approved(eurusd(off, NFP));
    }

    @Test
    void eventsForAllCurrenciesBlackOutEveryInstrument() {
        CalendarLoad load = CalendarParser.parseCsv("datetime_utc,currency,impact,event,actual,forecast,previous,ff_event_id\n"
                + "2019-12-05T00:00:00+00:00,All,High Impact Expected,OPEC Meetings,,,,107663\n");
        EconomicCalendar opec = load.calendar();
        assertTrue(opec.blackout(Set.of(), Instant.parse("2019-12-05T00:10:00Z"), Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH).isPresent());
        assertTrue(opec.blackout(Set.of("JPY"), Instant.parse("2019-12-04T23:45:00Z"), Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH).isPresent());
        assertTrue(opec.blackout(Set.of("JPY"), Instant.parse("2019-12-04T23:44:59Z"), Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH).isEmpty());
    }

    @Test
    void exitsAreNeverBlackedOut() {
        AccountRisk s = DEFAULT.start(NFP).apply(Fixtures.fill(NFP.minusSeconds(3600), STRAT, EURUSD_ID, OrderSide.BUY, "1.11000", "10000",
                BigDecimal.ZERO, "1.10000"));
        approved(DEFAULT.evaluateExit(s, Fixtures.exit(STRAT, EURUSD_ID, OrderSide.SELL, NFP, "1.11000")).decision());
    }
}
