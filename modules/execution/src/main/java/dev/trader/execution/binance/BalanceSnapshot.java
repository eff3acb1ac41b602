package dev.trader.execution.binance;

import java.time.Instant;
import java.util.Map;

/**
 * The account's balances by asset. From {@code GET /api/v3/account} it is the whole account; from
 * the user stream's outboundAccountPosition only the assets that changed, which
 * {@link AccountBalances} merges into the whole.
 */
public record BalanceSnapshot(Source source, Instant updateTime, Map<String, AssetBalance> balances) {
    public enum Source { REST_ACCOUNT, USER_STREAM }

    public BalanceSnapshot {
        balances = Map.copyOf(balances);
    }
}
