package dev.trader.api.live;

/**
 * Something to tell the clients, before it has its sequence number: a message {@code type}, the
 * journal ordering of the event it comes from (0 for what the journal does not hold: alerts), the
 * key a newer version of it replaces it under when a client falls behind (null: never replaced),
 * the strategy it belongs to ({@link FeedScope}) and its {@code data}.
 */
record FeedUpdate(String type, long journalOrdering, String key, String strategy, Object data) {
}
