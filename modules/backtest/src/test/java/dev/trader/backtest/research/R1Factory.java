package dev.trader.backtest.research;

import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.util.Map;
import java.util.TreeMap;

/** R1 with a parameter set over its defaults, as the CLI builds it from r1.conf. */
final class R1Factory implements StrategyFactory {
    @Override
    public Strategy create(ParameterSet parameters) {
        Map<String, Object> p = new TreeMap<>(parameters.asMap());
        return StrategyCatalog.create(new StrategyId("r1"), "r1", p);
    }
}
