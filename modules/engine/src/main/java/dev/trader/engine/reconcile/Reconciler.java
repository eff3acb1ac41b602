package dev.trader.engine.reconcile;

import static dev.trader.domain.money.FixedPoint.plain;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.port.VenueSnapshot;
import dev.trader.engine.reconcile.Finding.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the venue says it holds with our journal; pure, so every rule is tested without a
 * venue. An order the venue lists is explained when our journal has it and it is not ended there;
 * a trade is explained when it reached one of our orders; the balance of a traded base asset is
 * explained when it equals its baseline plus what our positions of that asset hold, to the last
 * decimal. A base asset without a baseline takes one from this reading (venue − ours): what the
 * account held before we traded, or holds beside us, is not ours to explain.
 *
 * <p>The quote asset is not compared: every fill moves it by price × quantity ± fee, and a spot
 * account's quote balance also pays for what other strategies and people do; the base-asset check
 * catches a position that is not what we think it is, which is what would make an exit wrong.
 */
public final class Reconciler {
    private Reconciler() {
    }

    public record Outcome(List<Finding> findings, Map<String, BigDecimal> baselinesTaken, List<String> notes) {
    }

    public static Outcome compare(VenueSnapshot venue, OurBooks ours, ReconciliationState state) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (VenueSnapshot.OpenOrder o : venue.openOrders()) {
            OrderStatus status = ours.orderStatus().get(o.clientOrderId());
            Map<String, String> facts = Map.of("clientOrderId", o.clientOrderId(), "venueOrderId", o.venueOrderId(), "venueStatus", o.status());
            if (status == null) {
                findings.add(new Finding(o.instrument().value(), Kind.FOREIGN_OPEN_ORDER, o.venueOrderId(),
                        "the venue lists open order " + o.venueOrderId() + " (client id '" + o.clientOrderId() + "', " + o.status()
                                + ") that our journal does not know", facts));
            } else if (status.isTerminal()) {
                Map<String, String> f = new LinkedHashMap<>(facts);
                f.put("ourStatus", status.name());
                findings.add(new Finding(o.instrument().value(), Kind.OPEN_ORDER_ENDED_HERE, o.venueOrderId(),
                        "the venue lists order " + o.clientOrderId() + " as " + o.status() + " but our journal has it " + status, f));
            }
        }
        Map<String, String> instrumentBySymbol = new TreeMap<>();
        ours.baseAssets().keySet().forEach(i -> instrumentBySymbol.put(InstrumentId.parse(i).symbol(), i));
        venue.undeliveredTrades().forEach((trade, why) -> {
            String symbol = trade.contains("-") ? trade.substring(0, trade.lastIndexOf('-')) : trade;
            String instrument = instrumentBySymbol.getOrDefault(symbol, symbol);
            findings.add(new Finding(instrument, Kind.UNDELIVERED_TRADE, trade, "venue trade " + trade + " was not delivered as a fill: " + why,
                    Map.of("trade", trade)));
        });
        findings.addAll(ours.unknownOrderFills());
        Map<String, BigDecimal> baselines = new TreeMap<>();
        balances(venue, ours, state, findings, baselines, notes);
        List<Finding> open = findings.stream().filter(f -> f.kind() == Kind.BALANCE_MISMATCH || !state.acknowledged().contains(f.ackKey())).toList();
        if (open.size() < findings.size()) {
            notes.add((findings.size() - open.size()) + " finding(s) acknowledged earlier by an operator");
        }
        return new Outcome(open, baselines, notes);
    }

    private static void balances(VenueSnapshot venue, OurBooks ours, ReconciliationState state, List<Finding> findings,
                                 Map<String, BigDecimal> baselinesTaken, List<String> notes) {
        Map<String, List<String>> instrumentsByAsset = new TreeMap<>();
        ours.baseAssets().forEach((instrument, asset) -> instrumentsByAsset.computeIfAbsent(asset, a -> new ArrayList<>()).add(instrument));
        instrumentsByAsset.forEach((asset, instruments) -> {
            BigDecimal held = instruments.stream().map(i -> ours.holdings().getOrDefault(i, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal atVenue = venue.balance(asset);
            BigDecimal baseline = state.baselines().get(asset);
            if (baseline == null) {
                BigDecimal taken = atVenue.subtract(held);
                baselinesTaken.put(asset, taken);
                notes.add("baseline of " + asset + ": the venue holds " + plain(atVenue) + ", our positions " + plain(held) + ", so "
                        + plain(taken) + " is not ours");
                return;
            }
            BigDecimal expected = baseline.add(held);
            if (atVenue.compareTo(expected) != 0) {
                BigDecimal difference = atVenue.subtract(expected);
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("asset", asset);
                facts.put("venue", plain(atVenue));
                facts.put("baseline", plain(baseline));
                facts.put("ours", plain(held));
                facts.put("expected", plain(expected));
                facts.put("difference", plain(difference));
                for (String instrument : new TreeSet<>(instruments)) {
                    findings.add(new Finding(instrument, Kind.BALANCE_MISMATCH, asset, "the venue holds " + plain(atVenue) + " " + asset
                            + " but the baseline " + plain(baseline) + " plus our positions' " + plain(held) + " make " + plain(expected)
                            + " (difference " + plain(difference) + ")", facts));
                }
            }
        });
    }

}
