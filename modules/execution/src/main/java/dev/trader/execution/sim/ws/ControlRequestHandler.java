package dev.trader.execution.sim.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers the live requests of Binance's market-stream protocol: SUBSCRIBE, UNSUBSCRIBE,
 * LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY (the one property, {@code combined}).
 * Success is {@code {"result":..,"id":..}}; a refused request gets Binance's error shape
 * {@code {"error":{"code":2,"msg":"Invalid request: .."},"id":..}}, with its codes: 0 unknown
 * property, 1 wrong value type, 2 invalid request, 3 invalid JSON. The connection stays open
 * after an error, as on Binance.
 */
final class ControlRequestHandler {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxNumberLength(32).build()).build()).build();
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,36}");
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private final StreamRegistry registry;
    private final int maxStreams;

    ControlRequestHandler(StreamRegistry registry, int maxStreams) {
        this.registry = registry;
        this.maxStreams = maxStreams;
    }

    /** The answer to one client message. */
    String handle(WsConnection connection, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return error(3, "Invalid JSON: " + e.getOriginalMessage(), NullNode.getInstance());
        }
        if (root == null || !root.isObject()) {
            return error(2, "Invalid request: expected a JSON object", NullNode.getInstance());
        }
        JsonNode id = root.get("id");
        if (!isValidId(id)) {
            return error(2, "Invalid request: request ID must be an unsigned integer", NullNode.getInstance());
        }
        JsonNode method = root.get("method");
        if (method == null || !method.isTextual()) {
            return error(2, "Invalid request: missing field `method`", id);
        }
        return switch (method.asText()) {
            case "SUBSCRIBE" -> subscribe(connection, root, id);
            case "UNSUBSCRIBE" -> unsubscribe(connection, root, id);
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode list = JSON.createArrayNode();
                connection.streams().forEach(list::add);
                yield result(list, id);
            }
            case "SET_PROPERTY" -> setProperty(connection, root, id);
            case "GET_PROPERTY" -> getProperty(connection, root, id);
            default -> error(2, "Invalid request: unknown variant `" + abbreviate(method.asText()) + "`, expected one of " + METHODS, id);
        };
    }

    private String subscribe(WsConnection connection, JsonNode root, JsonNode id) {
        List<String> streams = streamNames(root);
        if (streams == null) {
            return error(2, "Invalid request: invalid stream", id);
        }
        Set<String> current = Set.copyOf(connection.streams());
        long fresh = streams.stream().distinct().filter(s -> !current.contains(s)).count();
        if (connection.streamCount() + fresh > maxStreams) {
            return error(2, "Invalid request: too many streams, at most " + maxStreams + " per connection", id);
        }
        List<String> added = connection.addStreams(streams);
        registry.add(connection, added);
        if (connection.isClosed()) {
            // Closed while subscribing: its close already unregistered what it had then.
            registry.remove(connection, added);
        }
        return result(NullNode.getInstance(), id);
    }

    private String unsubscribe(WsConnection connection, JsonNode root, JsonNode id) {
        List<String> streams = streamNames(root);
        if (streams == null) {
            return error(2, "Invalid request: invalid stream", id);
        }
        registry.remove(connection, connection.removeStreams(streams));
        return result(NullNode.getInstance(), id);
    }

    private String setProperty(WsConnection connection, JsonNode root, JsonNode id) {
        JsonNode params = root.get("params");
        if (params == null || !params.isArray() || params.size() != 2 || !params.get(0).isTextual()) {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!params.get(0).asText().equals("combined")) {
            return error(0, "Unknown property", id);
        }
        if (!params.get(1).isBoolean()) {
            return error(1, "Invalid value type: expected Boolean", id);
        }
        connection.combined(params.get(1).asBoolean());
        return result(NullNode.getInstance(), id);
    }

    private String getProperty(WsConnection connection, JsonNode root, JsonNode id) {
        JsonNode params = root.get("params");
        if (params == null || !params.isArray() || params.size() != 1 || !params.get(0).isTextual()) {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!params.get(0).asText().equals("combined")) {
            return error(0, "Unknown property", id);
        }
        return result(JSON.getNodeFactory().booleanNode(connection.combined()), id);
    }

    /** The params as stream names, or null when they are not an array of valid names. */
    private static List<String> streamNames(JsonNode root) {
        JsonNode params = root.get("params");
        if (params == null || !params.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>(params.size());
        for (JsonNode p : params) {
            if (!p.isTextual() || !StreamName.isValid(p.asText())) {
                return null;
            }
            names.add(p.asText());
        }
        return names;
    }

    /** Binance takes an unsigned integer, a short alphanumeric string or null. */
    private static boolean isValidId(JsonNode id) {
        if (id == null || id.isNull()) {
            return true;
        }
        if (id.isIntegralNumber()) {
            return id.canConvertToLong() && id.asLong() >= 0;
        }
        return id.isTextual() && STRING_ID.matcher(id.asText()).matches();
    }

    private static String result(JsonNode result, JsonNode id) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", result);
        answer.set("id", id == null ? NullNode.getInstance() : id);
        return answer.toString();
    }

    private static String error(int code, String message, JsonNode id) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("code", code).put("msg", message);
        answer.set("id", id == null ? NullNode.getInstance() : id);
        return answer.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
