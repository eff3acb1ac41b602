package dev.trader.api.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.api.ApiError;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /ws}: the upgrade to the live feed. The key comes in the first message, not here (a
 * browser cannot set headers on a WebSocket, and a query string ends up in logs), so the route is
 * open; a browser's page from an origin that is neither the node's own (its dashboard) nor in
 * {@code trader.api.cors.allowed-origins} is refused
 * 403 before the upgrade (the same allowlist as the API's CORS: a WebSocket is not subject to CORS,
 * so the server must check); a request without an Origin (not a browser) passes.
 */
final class WebSocketFeedRoute extends AllDirectives {
    private final WebSocketFeed feed;
    private final Set<String> allowedOrigins;
    private final ObjectMapper json = new ObjectMapper();

    WebSocketFeedRoute(WebSocketFeed feed, Set<String> allowedOrigins) {
        this.feed = feed;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** The node's own page (the dashboard it serves) opens the feed from the node's own origin. */
    private static boolean sameOrigin(String origin, org.apache.pekko.http.javadsl.model.HttpRequest request) {
        Optional<String> host = request.getHeader("Host").map(HttpHeader::value);
        return host.isPresent() && (origin.equals("http://" + host.get()) || origin.equals("https://" + host.get()));
    }

    Route route() {
        return extractRequest(request -> {
            Optional<String> origin = request.getHeader("Origin").map(HttpHeader::value);
            if (origin.isPresent() && !sameOrigin(origin.get(), request) && !allowedOrigins.contains(origin.get())) {
                return complete(StatusCodes.FORBIDDEN, new ApiError("forbidden", "origin " + origin.get()
                        + " is not allowed (trader.api.cors.allowed-origins)"), Jackson.marshaller(json));
            }
            Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
            if (upgrade.isEmpty()) {
                return complete(StatusCodes.BAD_REQUEST, new ApiError("bad_request", "/ws is the live feed: open it as a WebSocket"),
                        Jackson.marshaller(json));
            }
            return complete(feed.connect(upgrade.get()));
        });
    }
}
