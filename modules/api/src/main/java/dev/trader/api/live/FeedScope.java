package dev.trader.api.live;

import dev.trader.api.security.ApiKey;

/**
 * What one client may see. Every key on the feed may see the node's account (checked when it
 * authenticates), so the account-wide messages (bars, risk, alerts: strategy null) go to all; a
 * message of a strategy goes to the keys that may see that strategy; one whose strategy could not
 * be told ({@link StrategyAttribution#UNATTRIBUTED}) only to keys that see every strategy.
 */
record FeedScope(ApiKey key) {
    boolean allows(String strategy) {
        return strategy == null || key.maySeeStrategy(strategy);
    }
}
