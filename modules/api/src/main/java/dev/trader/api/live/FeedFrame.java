package dev.trader.api.live;

import org.apache.pekko.util.ByteString;

/**
 * One message as it goes out: rendered once ({@code text}, the UTF-8 JSON
 * {@code {"type":…,"seq":…,"sentAt":…,"data":…}}) and the same bytes handed to every client that may see it.
 * {@code key} and {@code strategy} are the update's ({@link FeedUpdate}).
 */
record FeedFrame(long seq, String type, String key, String strategy, ByteString text) {
}
