package dev.trader.domain.port;

import java.util.concurrent.CompletionStage;

/**
 * A venue that keeps its own books (an exchange), so that ours can be checked against them. A
 * venue whose books are our own memory (paper) has nothing to compare and does not offer this.
 */
public interface VenueStatement {
    /** Delivers the fills not delivered yet, then reads the open orders and balances. */
    CompletionStage<VenueSnapshot> snapshot();

    /**
     * Called after every reconnect of the venue's stream once its missed fills were repaired (not for
     * the first connect: the node reconciles at boot itself). The callback must not block.
     */
    void onReconnect(Runnable callback);
}
