package dev.trader.backtest.research;

import dev.trader.backtest.metrics.Metrics;
import dev.trader.domain.money.Money;
import java.util.List;

/**
 * The walk-forward in a few numbers: the out-of-sample results of all test ranges together next
 * to the in-sample ones of the chosen sets.
 *
 * @param windows             windows run
 * @param meanInSample        mean objective value on training (windows where it is defined)
 * @param meanOutOfSample     mean objective value on test
 * @param efficiency          mean out-of-sample / mean in-sample; NaN unless the in-sample mean is &gt; 0
 * @param outOfSampleNetPnl   sum of the test ranges' round-trip P&amp;L after fees, exact
 * @param outOfSampleTrades   round trips over all test ranges
 * @param outOfSampleReturn   the test ranges' returns compounded: Π(1 + r) − 1
 * @param profitableWindows   test ranges with a positive total P&amp;L
 */
public record WalkForwardTotals(int windows, double meanInSample, double meanOutOfSample, double efficiency, Money outOfSampleNetPnl,
                                int outOfSampleTrades, double outOfSampleReturn, int profitableWindows) {

    public static WalkForwardTotals of(List<WindowResult> results, Objective objective, String currency) {
        double is = 0;
        int isN = 0;
        double oos = 0;
        int oosN = 0;
        Money net = Money.zero(currency);
        int trades = 0;
        double growth = 1;
        int profitable = 0;
        for (WindowResult r : results) {
            double a = objective.value(r.inSample());
            if (Double.isFinite(a)) {
                is += a;
                isN++;
            }
            Metrics o = r.outOfSample();
            double b = objective.value(o);
            if (Double.isFinite(b)) {
                oos += b;
                oosN++;
            }
            net = net.plus(o.trades().netPnl());
            trades += o.trades().trades();
            growth *= 1 + o.totalReturn();
            if (o.totalPnl().raw() > 0) {
                profitable++;
            }
        }
        double meanIs = isN == 0 ? Double.NaN : is / isN;
        double meanOos = oosN == 0 ? Double.NaN : oos / oosN;
        return new WalkForwardTotals(results.size(), meanIs, meanOos, meanIs > 0 ? meanOos / meanIs : Double.NaN, net, trades, growth - 1,
                profitable);
    }
}
