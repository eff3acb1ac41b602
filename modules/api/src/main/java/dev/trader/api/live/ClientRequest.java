package dev.trader.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.api.StrictJson;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a client may send, read strictly (one flat JSON object, no unknown or duplicate fields):
 * {@code {"type":"auth","key":"trk_…"}} first, then {@code {"type":"subscribe"}} or
 * {@code {"type":"subscribe","from":N}}. Anything else is an {@link IllegalArgumentException}
 * saying what is wrong.
 */
sealed interface ClientRequest {
    String AUTH_EXAMPLE = "{\"type\":\"auth\",\"key\":\"trk_…\"}";
    String SUBSCRIBE_EXAMPLE = "{\"type\":\"subscribe\"} or {\"type\":\"subscribe\",\"from\":1234}";

    record Auth(String key) implements ClientRequest {
        @Override
        public String toString() {
            return "Auth[key=***]";
        }
    }

    /** {@code from}: the seq of the last message the client has; empty: from now. */
    record Subscribe(OptionalLong from) implements ClientRequest {
    }

    static ClientRequest parse(String text) {
        JsonNode node;
        try {
            node = StrictJson.object(text, Set.of("type", "key", "from"), AUTH_EXAMPLE + " or " + SUBSCRIBE_EXAMPLE);
        } catch (IllegalArgumentException e) {
            // The parser quotes the token it choked on, which may be a key sent without its quotes: never echo it.
            throw new IllegalArgumentException(e.getMessage().startsWith("malformed JSON") ? "malformed JSON: expected " + AUTH_EXAMPLE + " or "
                    + SUBSCRIBE_EXAMPLE : e.getMessage());
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("\"type\" must be \"auth\" or \"subscribe\"");
        }
        return switch (type.textValue()) {
            case "auth" -> auth(node);
            case "subscribe" -> subscribe(node);
            default -> throw new IllegalArgumentException("unknown type \"" + type.textValue() + "\": expected auth or subscribe");
        };
    }

    private static Auth auth(JsonNode node) {
        only(node, Set.of("type", "key"), AUTH_EXAMPLE);
        JsonNode key = node.get("key");
        if (key == null || !key.isTextual()) {
            throw new IllegalArgumentException("\"key\" must be an API key (a string): " + AUTH_EXAMPLE);
        }
        return new Auth(key.textValue());
    }

    private static Subscribe subscribe(JsonNode node) {
        only(node, Set.of("type", "from"), SUBSCRIBE_EXAMPLE);
        JsonNode from = node.get("from");
        if (from == null || from.isNull()) {
            return new Subscribe(OptionalLong.empty());
        }
        if (!from.isIntegralNumber() || !from.canConvertToLong() || from.longValue() < 0) {
            throw new IllegalArgumentException("\"from\" must be a seq (a whole number, 0 or more) but was " + from);
        }
        return new Subscribe(OptionalLong.of(from.longValue()));
    }

    private static void only(JsonNode node, Set<String> fields, String example) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalArgumentException("unexpected field \"" + name + "\": " + example);
            }
        }
    }
}
