package dev.trader.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.api.ApiError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The admin API's gate: CORS by allowlist, authentication by API key ({@code Authorization: Bearer
 * <key>} or {@code X-API-Key}), a rate limit per caller, and the role and account checks. Keys
 * travel in a header, never a cookie, so CORS never allows credentials, and no origin is a wildcard.
 */
public final class ApiGuard extends AllDirectives {
    private static final List<String> ALLOWED_HEADERS = List.of("Authorization", "X-API-Key", "Content-Type");
    private final ApiSettings settings;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    public ApiGuard(ApiSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.limiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), clock);
    }

    /**
     * A request from an allowed origin gets its {@code Access-Control-Allow-Origin}; a preflight from
     * one is answered 204; a preflight from any other origin is refused 403 without CORS headers,
     * which the browser reports as a CORS failure. Requests without an Origin (scripts) pass.
     */
    public Route cors(Supplier<Route> inner) {
        return extractRequest(request -> {
            Optional<String> origin = request.getHeader("Origin").map(HttpHeader::value);
            if (origin.isEmpty()) {
                return inner.get();
            }
            boolean allowed = settings.allowedOrigins().contains(origin.get());
            if (request.method().equals(HttpMethods.OPTIONS) && request.getHeader("Access-Control-Request-Method").isPresent()) {
                if (!allowed) {
                    return error(StatusCodes.FORBIDDEN, "forbidden", "origin " + origin.get() + " is not allowed (trader.api.cors.allowed-origins)");
                }
                return respondWithHeaders(List.of(RawHeader.create("Access-Control-Allow-Origin", origin.get()), RawHeader.create("Vary", "Origin"),
                        RawHeader.create("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"),
                        RawHeader.create("Access-Control-Allow-Headers", String.join(", ", ALLOWED_HEADERS)),
                        RawHeader.create("Access-Control-Max-Age", "600")), () -> complete(StatusCodes.NO_CONTENT));
            }
            if (!allowed) {
                return inner.get();
            }
            return respondWithHeaders(List.of(RawHeader.create("Access-Control-Allow-Origin", origin.get()), RawHeader.create("Vary", "Origin")),
                    inner);
        });
    }

    /** The caller's key, or 401; then the caller's rate limit, or 429 with Retry-After. */
    public Route authenticated(Function<ApiKey, Route> inner) {
        return extractRequest(request -> {
            Optional<ApiKey> key = presented(request).flatMap(settings.keys()::authenticate);
            if (key.isEmpty()) {
                return respondWithHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"trader\""),
                        () -> error(StatusCodes.UNAUTHORIZED, "unauthorized", presented(request).isEmpty()
                                ? "an API key is required: Authorization: Bearer <key>" : "the API key is not valid"));
            }
            long wait = limiter.take(key.get().id());
            if (wait > 0) {
                return respondWithHeader(RawHeader.create("Retry-After", Long.toString(wait)),
                        () -> error(StatusCodes.TOO_MANY_REQUESTS, "rate_limited", "more than " + settings.burst() + " requests at once from key "
                                + key.get().id() + "; retry after " + wait + " s"));
            }
            return inner.apply(key.get());
        });
    }

    /** 403 unless the key's role is at least {@code needed}. */
    public Route role(ApiKey key, Role needed, Supplier<Route> inner) {
        if (!key.role().atLeast(needed)) {
            return error(StatusCodes.FORBIDDEN, "forbidden", "this needs the " + needed.id() + " role; key " + key.id() + " is " + key.role().id());
        }
        return inner.get();
    }

    /** 403 unless the key may see {@code account}. */
    public Route account(ApiKey key, String account, Supplier<Route> inner) {
        if (!key.maySeeAccount(account)) {
            return error(StatusCodes.FORBIDDEN, "forbidden", "key " + key.id() + " may not see account " + account);
        }
        return inner.get();
    }

    /** 403 unless the key may see {@code strategy}. */
    public Route strategy(ApiKey key, String strategy, Supplier<Route> inner) {
        if (!key.maySeeStrategy(strategy)) {
            return error(StatusCodes.FORBIDDEN, "forbidden", "key " + key.id() + " may not see strategy " + strategy);
        }
        return inner.get();
    }

    private static Optional<String> presented(HttpRequest request) {
        Optional<String> bearer = request.getHeader("Authorization").map(HttpHeader::value)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).map(v -> v.substring(7).trim());
        return bearer.isPresent() ? bearer : request.getHeader("X-API-Key").map(HttpHeader::value);
    }

    private Route error(StatusCode code, String error, String message) {
        return complete(code, new ApiError(error, message), Jackson.marshaller(json));
    }
}
