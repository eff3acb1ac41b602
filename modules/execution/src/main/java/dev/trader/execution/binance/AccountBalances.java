package dev.trader.execution.binance;

import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's balances: the whole sheet from {@code GET /api/v3/account} (at start and after
 * each reconnect), kept current by the user stream's outboundAccountPosition, which names only
 * the assets that changed. An update older than what is known of an asset is ignored (the REST
 * snapshot and the stream race). Every change is passed to the {@link BalanceListener} whole.
 */
public final class AccountBalances {
    private static final Logger LOG = LoggerFactory.getLogger(AccountBalances.class);
    private final Map<String, AssetBalance> balances = new TreeMap<>();
    private final Map<String, Instant> updatedAt = new HashMap<>();
    private Instant lastUpdate = Instant.EPOCH;
    private volatile BalanceListener listener = b -> { };

    public void setListener(BalanceListener listener) {
        this.listener = listener;
    }

    public synchronized Map<String, AssetBalance> current() {
        return Map.copyOf(balances);
    }

    /** Reads the whole account now. */
    CompletionStage<BalanceSnapshot> refresh(BinanceRestClient rest) {
        return rest.account().thenApply(snapshot -> {
            replace(snapshot);
            return snapshot;
        });
    }

    void replace(BalanceSnapshot snapshot) {
        BalanceSnapshot whole;
        synchronized (this) {
            Map<String, AssetBalance> next = new TreeMap<>(snapshot.balances());
            Map<String, Instant> times = new HashMap<>();
            next.keySet().forEach(a -> times.put(a, snapshot.updateTime()));
            // A stream update newer than the snapshot survives it.
            updatedAt.forEach((asset, t) -> {
                if (t.isAfter(snapshot.updateTime()) && balances.containsKey(asset)) {
                    next.put(asset, balances.get(asset));
                    times.put(asset, t);
                }
            });
            balances.clear();
            balances.putAll(next);
            updatedAt.clear();
            updatedAt.putAll(times);
            lastUpdate = snapshot.updateTime().isAfter(lastUpdate) ? snapshot.updateTime() : lastUpdate;
            whole = new BalanceSnapshot(BalanceSnapshot.Source.REST_ACCOUNT, lastUpdate, balances);
        }
        notifyListener(whole);
    }

    void apply(AccountPosition position) {
        BalanceSnapshot whole;
        synchronized (this) {
            boolean changed = false;
            for (AssetBalance b : position.balances()) {
                Instant known = updatedAt.get(b.asset());
                if (known != null && known.isAfter(position.updateTime())) {
                    LOG.debug("stale balance update of {} ignored", b.asset());
                    continue;
                }
                balances.put(b.asset(), b);
                updatedAt.put(b.asset(), position.updateTime());
                changed = true;
            }
            if (!changed) {
                return;
            }
            lastUpdate = position.updateTime().isAfter(lastUpdate) ? position.updateTime() : lastUpdate;
            whole = new BalanceSnapshot(BalanceSnapshot.Source.USER_STREAM, lastUpdate, balances);
        }
        notifyListener(whole);
    }

    private void notifyListener(BalanceSnapshot whole) {
        try {
            listener.onBalances(whole);
        } catch (RuntimeException e) {
            LOG.error("balance listener failed", e);
        }
    }
}
