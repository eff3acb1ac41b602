package dev.trader.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The dashboard's page and its bundle, from the classpath ({@code dashboard/}, built by Vite into the
 * api jar by the Maven build): {@code GET /}, and any other path outside the API that a browser
 * navigates to (it asks for {@code text/html}; the page routes itself), answer {@code index.html},
 * never cached; {@code /assets/*} answer the hashed files, cached for a year. Public: the page holds
 * no data, and every read it makes needs an API key. A missing asset is a 404; a jar built without the
 * dashboard says so at {@code /}.
 */
final class DashboardAssets extends AllDirectives {
    static final String ROOT = "dashboard/";
    /** First path segments that are never the page: the API, the feed, the probes, the metrics. */
    private static final Set<String> NOT_PAGES = Set.of("api", "ws", "health", "ready", "metrics", "assets");
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");
    private static final Map<String, ContentType> TYPES = Map.of(
            "js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
            "css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8),
            "svg", MediaTypes.IMAGE_SVG_XML.toContentType(),
            "png", MediaTypes.IMAGE_PNG.toContentType(),
            "ico", MediaTypes.IMAGE_X_ICON.toContentType(),
            "json", ContentTypes.APPLICATION_JSON,
            "txt", ContentTypes.TEXT_PLAIN_UTF8);
    /** The page's own sources only; scripts and styles of the bundle; the API and the feed on this origin. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final ClassLoader loader;
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final ApiErrorReply error;

    /** How a route answers an error as the API's JSON. */
    interface ApiErrorReply {
        Route reply(int status, String error, String message);
    }

    DashboardAssets(ClassLoader loader, ApiErrorReply error) {
        this.loader = loader;
        this.error = error;
    }

    Route route() {
        // the method is checked only once a path is the dashboard's, so that a wrong method on an API path stays the API's answer
        return concat(
                pathPrefix("assets", () -> get(() -> extractUnmatchedPath(this::asset))),
                pathSingleSlash(() -> get(this::index)),
                extractRequest(request -> extractUnmatchedPath(path -> NOT_PAGES.contains(firstSegment(path)) || !wantsHtml(request)
                        ? reject() : get(this::index))));
    }

    private Route index() {
        return read("index.html").map(bytes -> complete(HttpResponse.create().withStatus(StatusCodes.OK)
                        .withEntity(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, bytes))
                        .addHeaders(List.of(RawHeader.create("Cache-Control", "no-cache"), RawHeader.create("X-Content-Type-Options", "nosniff"),
                                RawHeader.create("Content-Security-Policy", CSP), RawHeader.create("Referrer-Policy", "no-referrer")))))
                .orElseGet(() -> error.reply(404, "not_found", "the dashboard is not built into this jar (the Maven build runs npm in modules/dashboard)"));
    }

    private Route asset(String rest) {
        String name = rest.startsWith("/") ? rest.substring(1) : rest;
        int dot = name.lastIndexOf('.');
        ContentType type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        Optional<byte[]> bytes = ASSET.matcher(name).matches() && !name.contains("..") && type != null ? read("assets/" + name) : Optional.empty();
        if (bytes.isEmpty()) {
            return error.reply(404, "not_found", "no dashboard asset " + (name.length() > 80 ? name.substring(0, 80) + "…" : name));
        }
        return complete(HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(type, bytes.get()))
                .addHeaders(List.of(RawHeader.create("Cache-Control", "public, max-age=31536000, immutable"),
                        RawHeader.create("X-Content-Type-Options", "nosniff"))));
    }

    /** Found files are kept; a miss is not, so requests for names that do not exist cannot grow the cache. */
    private Optional<byte[]> read(String name) {
        Optional<byte[]> cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Optional<byte[]> bytes = Optional.of(in.readAllBytes());
            cache.put(name, bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser navigating asks for HTML; an API client asking for an unknown path keeps getting the API's JSON answer. */
    private static boolean wantsHtml(HttpRequest request) {
        return request.getHeader("Accept").map(h -> h.value().contains("text/html")).orElse(false);
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
