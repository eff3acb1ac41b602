package dev.trader.risk.limits;

import dev.trader.domain.market.InstrumentRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which currencies an instrument is exposed to, from its base and quote assets.
 *
 * <ul>
 *   <li>Exposure legs: the base and quote assets, with USD stablecoins (USDT, USDC, BUSD, TUSD,
 *       FDUSD, USDP, DAI) counted as USD and EURC as EUR. BTCUSDT is long BTC / short USD;
 *       EURUSD long EUR / short USD; XAUUSD long XAU / short USD.</li>
 *   <li>Calendar currencies (for the news blackout): the legs that an economic calendar lists
 *       (USD, EUR, GBP, JPY, AUD, NZD, CAD, CHF, CNY). So BTCUSDT → {USD} (through USDT: US
 *       macro releases move crypto against the dollar), XAUUSD → {USD} (gold has no calendar
 *       of its own), EURUSD → {EUR, USD}, BTCETH → {} (never blacked out unless overridden).
 *       An explicit mapping by symbol ({@code trader.risk.news.currencies.US30 = USD}) replaces
 *       the derived one: that is how indices or other asset classes are mapped.</li>
 * </ul>
 */
public final class InstrumentCurrencies {
    /** The currencies Forex Factory's calendar covers. */
    public static final Set<String> CALENDAR = Set.of("USD", "EUR", "GBP", "JPY", "AUD", "NZD", "CAD", "CHF", "CNY");

    private static final Map<String, String> DEFAULT_PAR = Map.of("USDT", "USD", "USDC", "USD", "BUSD", "USD", "TUSD", "USD",
            "FDUSD", "USD", "USDP", "USD", "DAI", "USD", "EURC", "EUR");

    private final Map<String, String> par;
    private final Map<String, Set<String>> calendarOverrides;

    public InstrumentCurrencies(Map<String, String> extraPar, Map<String, Set<String>> calendarOverridesBySymbol) {
        Map<String, String> p = new TreeMap<>(DEFAULT_PAR);
        extraPar.forEach((k, v) -> p.put(k.toUpperCase(Locale.ROOT), v.toUpperCase(Locale.ROOT)));
        this.par = Map.copyOf(p);
        Map<String, Set<String>> o = new TreeMap<>();
        calendarOverridesBySymbol.forEach((k, v) -> o.put(k.toUpperCase(Locale.ROOT), Set.copyOf(v)));
        this.calendarOverrides = Map.copyOf(o);
    }

    public static InstrumentCurrencies defaults() {
        return new InstrumentCurrencies(Map.of(), Map.of());
    }

    /** An asset code with stablecoins replaced by the currency they are pegged to. */
    public String normalize(String asset) {
        String a = Objects.requireNonNull(asset, "asset").toUpperCase(Locale.ROOT);
        return par.getOrDefault(a, a);
    }

    /** The two exposure legs: {@code [base, quote]}, normalized. */
    public List<String> legs(InstrumentRules rules) {
        return List.of(normalize(rules.baseAsset()), normalize(rules.quoteAsset()));
    }

    /** The calendar currencies whose events black out this instrument. */
    public Set<String> calendarCurrencies(InstrumentRules rules) {
        Set<String> override = calendarOverrides.get(rules.instrument().symbol());
        if (override != null) {
            return override;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String leg : legs(rules)) {
            if (CALENDAR.contains(leg)) {
                out.add(leg);
            }
        }
        return out;
    }

    /** Whether money in {@code quote} can be booked in {@code accountCurrency} at par (same currency or pegged). */
    public boolean atPar(String quote, String accountCurrency) {
        return normalize(quote).equals(normalize(accountCurrency));
    }
}
