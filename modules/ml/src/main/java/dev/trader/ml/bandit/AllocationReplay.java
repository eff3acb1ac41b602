package dev.trader.ml.bandit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays the trades each strategy made in time order with an allocator choosing the weights:
 * a trade's weight is fixed when it opens, from outcomes of trades closed before then only (so
 * the comparison is walk-forward by construction), and its outcome teaches the allocator when it
 * closes. Its P&L counts times {@code K·weight}, so equal static weights count every trade once.
 * P&L here is a research figure in doubles, not the books.
 */
public final class AllocationReplay {
    private AllocationReplay() {
    }

    /** One round trip of strategy {@code arm}: opened in {@code context}, its P&L after fees. */
    public record TradeOutcome(int arm, String context, long openMs, long closeMs, double pnl) {
    }

    public record Result(String name, int trades, double pnl, double maxDrawdown, double[] pnlByArm) {
    }

    public static Result run(String name, List<TradeOutcome> trades, ContextualAllocator allocator) {
        int k = allocator.arms();
        record Event(long at, boolean close, int trade) {
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            events.add(new Event(trades.get(i).openMs(), false, i));
            events.add(new Event(trades.get(i).closeMs(), true, i));
        }
        // Closes before opens at the same instant: an outcome known at a bar's close informs the decision taken at it.
        events.sort(Comparator.comparingLong(Event::at).thenComparing(e -> !e.close()).thenComparingInt(Event::trade));
        double[] factor = new double[trades.size()];
        double[] byArm = new double[k];
        double equity = 0;
        double peak = 0;
        double drawdown = 0;
        for (Event e : events) {
            TradeOutcome t = trades.get(e.trade());
            if (!e.close()) {
                factor[e.trade()] = k * allocator.weights(t.context())[t.arm()];
            } else {
                double pnl = factor[e.trade()] * t.pnl();
                byArm[t.arm()] += pnl;
                equity += pnl;
                peak = Math.max(peak, equity);
                drawdown = Math.max(drawdown, peak - equity);
                allocator.update(t.context(), t.arm(), t.pnl() > 0);
            }
        }
        return new Result(name, trades.size(), equity, drawdown, byArm);
    }

    /** The same trades with every weight equal: each counts once. */
    public static Result equalWeights(List<TradeOutcome> trades, int arms) {
        List<TradeOutcome> sorted = new ArrayList<>(trades);
        sorted.sort(Comparator.comparingLong(TradeOutcome::closeMs));
        double equity = 0;
        double peak = 0;
        double drawdown = 0;
        double[] byArm = new double[arms];
        for (TradeOutcome t : sorted) {
            equity += t.pnl();
            byArm[t.arm()] += t.pnl();
            peak = Math.max(peak, equity);
            drawdown = Math.max(drawdown, peak - equity);
        }
        return new Result("static equal weights", trades.size(), equity, drawdown, byArm);
    }
}
