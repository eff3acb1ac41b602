package dev.trader.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.PacedReplay;
import dev.trader.execution.sim.ReplayPacing;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWsConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The chaos harness (issue #9): a cluster of node processes on a real PostgreSQL and the exchange
 * simulator (both in this JVM), trading the simulator's paced replay of real candles while a seeded
 * schedule of faults hits it: {@code kill -9} of a random node or of the oldest (the coordinator's
 * and the singletons' host) restarted after 0-15 s, {@code SIGSTOP} pauses shorter and longer than
 * the Split Brain Resolver's stable-after, an immediate PostgreSQL restart; the simulator's own
 * exchange faults run throughout. Each round measures the time from the fault until the bars move
 * through the engine again. After the last round the cluster is stopped and checked: one exchange
 * order per client order id, every fill booked once and the books equal to the simulator's ledger
 * (by a node that recovers everything from the journal: replay equals the live state), the journal
 * contiguous with one writer at a time per entity, no prop-firm floor reached, no order after a halt.
 */
final class ChaosRun {
    private static final Duration HEAL_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(120);

    enum Fault { KILL, KILL_OLDEST, PAUSE_SHORT, PAUSE_LONG, POSTGRES_RESTART }

    record Settings(long seed, int rounds, int nodes, double barsPerSecond, Path workDir, List<Path> candles, String classPath, Path confDir,
                    boolean exchangeFaults, boolean wholeReplay, List<Fault> faults) {
        Settings {
            faults = List.copyOf(faults);
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("no faults to choose from");
            }
        }
    }

    /** @param servingSeconds from the fault until the bars moved through the engine again; negative when they never did */
    record Round(int number, Fault fault, int node, String detail, double servingSeconds, boolean healed) {
    }

    record Outcome(long seed, List<Round> rounds, LedgerCheck.Result ledger, JournalChecks.Result journal, List<String> violations,
                   long operations, double seconds) {
        boolean passed() {
            return violations.isEmpty() && ledger.equal() && journal.clean() && rounds.stream().allMatch(Round::healed);
        }
    }

    private final Settings settings;
    private final Config base;
    /** The nodes' split-brain-resolver.stable-after: pauses are chosen either side of it. */
    private final Duration stableAfter;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> violations = new ArrayList<>();
    private final String apiKey;
    private OperationLog log;
    private ChaosNodes nodes;
    private Path pgData;
    /** The first halt any status read showed (event time), if any. */
    private Instant haltSince;

    ChaosRun(Settings settings, Config base) {
        this.settings = settings;
        this.base = base;
        this.stableAfter = base.getDuration("pekko.cluster.split-brain-resolver.stable-after");
        this.random = new Random(settings.seed());
        this.apiKey = "trk_chaos_" + Long.toHexString(new Random(settings.seed() ^ 0x5eedL).nextLong()) + "0123456789abcdefghijklmnopqrstuv";
    }

    Outcome run(PrintStream out) throws Exception {
        long began = System.nanoTime();
        Path work = settings.workDir();
        Files.createDirectories(work.resolve("logs"));
        pgData = work.resolve("postgres");
        int pgPort = freePort();
        Map<String, String> keys = Map.of(SimulatorSettings.KEY_VARIABLE, "chaos" + Long.toHexString(random.nextLong()),
                SimulatorSettings.SECRET_VARIABLE, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        try (OperationLog operations = new OperationLog(work.resolve("operations.log"), settings.seed());
             EmbeddedPostgres postgres = LocalPostgres.start(pgData, pgPort)) {
            this.log = operations;
            LocalPostgres.createDatabase(postgres, "trader");
            String pgUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/trader";
            SimConfig simConfig = SimulatorSettings.simConfig(simSection(), keys, settings.candles());
            try (ExchangeSimServer server = ExchangeSimServer.start(simConfig, SimWsConfig.binance(), "127.0.0.1", 0)) {
                Map<String, String> env = new HashMap<>(keys);
                env.put("TRADER_API_KEY", apiKey);
                env.put("TRADER_VENUE", "binance");
                env.put("TRADER_PG_URL", pgUrl);
                env.put("TRADER_PG_USER", "postgres");
                env.put("TRADER_PG_PASSWORD", "");
                env.put("BINANCE_REST_URL", server.restUrl());
                env.put("BINANCE_WS_URL", server.wsUrl());
                env.put("TRADER_REQUIRED_CONTACT_POINTS", String.valueOf(settings.nodes()));
                int httpBase = freeRange(settings.nodes());
                int managementBase = freeRange(settings.nodes());
                int remoteBase = freeRange(settings.nodes());
                Path overlay = overlay(work, managementBase);
                nodes = new ChaosNodes(work, overlay, settings.classPath(), env, settings.nodes(), httpBase, managementBase, remoteBase);
                List<Round> rounds;
                Map<String, JsonNode> live;
                try {
                    startCluster(out);
                    SimDemo.awaitSubscribed(server, TraderSettings.load(base));
                    try (PacedReplay replay = server.simulator().startReplay(ReplayPacing.barsPerSecond(settings.barsPerSecond()))) {
                        awaitServing(null, Duration.ofSeconds(60), Pending.NONE);
                        rounds = rounds(out, server);
                        if (settings.wholeReplay()) {
                            // The rest of the data is traded too, so the checks cover what the strategies did after the faults.
                            long seconds = (long) (server.simulator().barsLeft() / settings.barsPerSecond()) + 60;
                            replay.finished().get(seconds, TimeUnit.SECONDS);
                        }
                        log.record(0, "replay", "exchange-sim", OperationLog.Phase.OK, replay.finished().toCompletableFuture().isDone()
                                ? "finished" : "stopped with " + server.simulator().barsLeft() + " bar times left");
                    }
                    live = settle(out);
                    for (int i = 1; i <= nodes.count(); i++) {
                        int node = i;
                        op(0, "stop", "node-" + node, () -> nodes.terminate(node, Duration.ofSeconds(60)) ? "SIGTERM" : null);
                    }
                } finally {
                    nodes.close();
                }
                skippedBars();
                JournalChecks.Result journal = JournalChecks.check(new JdbcSettings("postgres", pgUrl, "postgres", ""));
                LedgerCheck.Result ledger = replayAndCompare(out, server, simConfig, pgUrl, keys, live);
                Outcome outcome = new Outcome(settings.seed(), rounds, ledger, journal, List.copyOf(violations), operations.lines(),
                        (System.nanoTime() - began) / 1e9);
                printSummary(out, outcome);
                return outcome;
            }
        }
    }

    /**
     * Every bar is to reach the engine: a bar that failed in the pipeline after its retries, or a
     * resume that left a gap unrepaired, is a violation (the nodes log both).
     */
    private void skippedBars() throws IOException {
        for (int i = 1; i <= nodes.count(); i++) {
            Path log = settings.workDir().resolve("node-" + i).resolve("logs").resolve("trader.json");
            if (!Files.exists(log)) {
                continue;
            }
            try (var lines = Files.lines(log)) {
                int node = i;
                lines.filter(l -> l.contains("failed in the pipeline") || l.contains(", not repaired")).limit(5)
                        .forEach(l -> violations.add("node-" + node + " skipped bars: " + l.substring(0, Math.min(400, l.length()))));
            }
        }
    }

    private Config simSection() {
        Config sim = base.getConfig("trader.exchange-sim");
        // The harness's own pace of requests (queries after faults, every node's status polls) is far above a live node's.
        Config mine = ConfigFactory.parseString("simulator.rate-limits.request-weight-per-minute = 60000");
        if (settings.exchangeFaults()) {
            mine = ConfigFactory.parseString("""
                    simulator.faults {
                      seed = %d
                      list = [
                        { kind = DUPLICATE_FILL, probability = 0.1 }
                        { kind = REORDER_FILLS, probability = 0.1 }
                        { kind = ORDER_NOT_FOUND_ON_QUERY, probability = 0.3, count = 1 }
                        { kind = KILL_USER_STREAM, every-nth = 60 }
                      ]
                    }
                    """.formatted(settings.seed())).withFallback(mine);
        }
        return mine.withFallback(sim);
    }

    private Path overlay(Path work, int managementBase) throws IOException {
        StringBuilder text = new StringBuilder("include \"" + settings.confDir().resolve("cluster.conf").toAbsolutePath() + "\"\n");
        text.append("pekko.discovery.config.services.trader.endpoints = [\n");
        for (int i = 0; i < settings.nodes(); i++) {
            text.append("  { host = \"127.0.0.1\", port = ").append(managementBase + i).append(" }\n");
        }
        text.append("]\n");
        // The replay runs minutes of event time per second: a failover's seconds are an hour of bars, every one to be repaired.
        text.append("trader.cluster.max-resume-repair = 7d\n");
        Path file = work.resolve("cluster.conf");
        Files.writeString(file, text);
        return file;
    }

    private void startCluster(PrintStream out) throws Exception {
        for (int i = 1; i <= nodes.count(); i++) {
            int node = i;
            op(0, "start", "node-" + node, () -> {
                nodes.start(node);
                return "pid " + nodes.pid(node);
            });
            if (node == 1) {
                // The first node creates the journal's tables; the others start once it has.
                awaitLog(1, "Pekko Management at", Duration.ofSeconds(120));
            }
        }
        awaitHealed(0);
        out.printf("chaos: %d nodes up (seed %d), logs in %s%n", nodes.count(), settings.seed(), settings.workDir().resolve("logs"));
    }

    private List<Round> rounds(PrintStream out, ExchangeSimServer server) throws Exception {
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= settings.rounds(); r++) {
            if (server.simulator().barsLeft() < settings.barsPerSecond() * 60) {
                out.printf("chaos: the replay has under a minute of bars left: stopping after %d round(s)%n", r - 1);
                break;
            }
            Fault fault = r == 1 ? Fault.KILL_OLDEST : settings.faults().get(random.nextInt(settings.faults().size()));
            Round round = round(r, fault);
            rounds.add(round);
            out.printf("chaos: round %d %s %s: serving again after %.1f s%s%n", r, fault, round.node() > 0 ? "node-" + round.node() : "",
                    round.servingSeconds(), round.healed() ? "" : " NOT HEALED");
        }
        return rounds;
    }

    private Round round(int number, Fault fault) throws Exception {
        int node = switch (fault) {
            case KILL_OLDEST -> nodes.oldest();
            case POSTGRES_RESTART -> 0;
            default -> 1 + random.nextInt(nodes.count());
        };
        Instant before = lastBar(node).orElse(null);
        long t0 = System.nanoTime();
        String detail;
        // The node's restart (or its SIGCONT) is due later in the round; the clock to serving again runs meanwhile,
        // since the others are to take its work over without waiting for it.
        Pending recovery = Pending.NONE;
        switch (fault) {
            case KILL, KILL_OLDEST -> {
                long delayMs = random.nextInt(15_001);
                op(number, "kill-9", "node-" + node, () -> {
                    nodes.kill9(node);
                    return "pid " + nodes.pid(node);
                });
                detail = "restart after " + delayMs + " ms";
                recovery = new Pending(t0 + delayMs * 1_000_000L, () -> op(number, "start", "node-" + node, () -> {
                    nodes.start(node);
                    return "pid " + nodes.pid(node);
                }));
            }
            case PAUSE_SHORT, PAUSE_LONG -> {
                long pauseMs = fault == Fault.PAUSE_SHORT ? 1_000 + random.nextInt((int) stableAfter.toMillis() - 1_999)
                        : stableAfter.toMillis() + 5_000 + random.nextInt(5_001);
                op(number, "sigstop", "node-" + node, () -> {
                    nodes.pause(node);
                    return "for " + pauseMs + " ms";
                });
                detail = "paused " + pauseMs + " ms";
                recovery = new Pending(t0 + pauseMs * 1_000_000L, () -> op(number, "sigcont", "node-" + node, () -> {
                    nodes.resume(node);
                    return "";
                }));
            }
            case POSTGRES_RESTART -> {
                detail = "pg_ctl restart -m immediate";
                op(number, "postgres-restart", "postgres", () -> {
                    LocalPostgres.restartImmediately(pgData);
                    return "";
                });
            }
            default -> throw new IllegalStateException(fault.name());
        }
        double serving = awaitServing(before, SERVING_TIMEOUT, recovery) ? (System.nanoTime() - t0) / 1e9 : -1;
        if (serving < 0) {
            violations.add("round " + number + " " + fault + ": the bars did not move through the engine within " + SERVING_TIMEOUT.toSeconds() + " s");
        }
        recovery.awaitAndRun();
        if (fault == Fault.PAUSE_LONG && nodes.awaitExit(node, Duration.ofSeconds(40))) {
            // Downed while it was paused: it terminated itself, as a downed node must, and is started again.
            detail += ", downed and restarted";
            op(number, "start", "node-" + node, () -> {
                nodes.start(node);
                return "pid " + nodes.pid(node);
            });
        }
        boolean healed = awaitHealed(number);
        return new Round(number, fault, node, detail, serving, healed);
    }

    /** A step due at a time (System.nanoTime) that runs once: in the serving loop when due, or after it. */
    private static final class Pending {
        static final Pending NONE = new Pending(0, () -> { });
        private final long dueNanos;
        private final Action action;
        private boolean done;

        interface Action {
            void run() throws Exception;
        }

        Pending(long dueNanos, Action action) {
            this.dueNanos = dueNanos;
            this.action = action;
        }

        void runIfDue() throws Exception {
            if (!done && System.nanoTime() >= dueNanos) {
                done = true;
                action.run();
            }
        }

        void awaitAndRun() throws Exception {
            long wait = dueNanos - System.nanoTime();
            if (!done && wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            runIfDue();
        }
    }

    /** Until some live node shows every instrument past {@code before} (or any bar at all when null). */
    private boolean awaitServing(Instant before, Duration within, Pending meanwhile) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            meanwhile.runIfDue();
            for (int i = 1; i <= nodes.count(); i++) {
                if (nodes.answering(i)) {
                    Optional<Instant> last = lastBar(i);
                    if (last.isPresent() && (before == null || last.get().isAfter(before))) {
                        return true;
                    }
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The earliest of the instruments' last bars as {@code node}'s status shows them (the first live node's when {@code node} is 0 or down). */
    private Optional<Instant> lastBar(int node) {
        Optional<JsonNode> status = node > 0 && nodes.alive(node) ? status(node)
                : java.util.stream.IntStream.rangeClosed(1, nodes.count()).filter(nodes::alive).mapToObj(this::status)
                        .flatMap(Optional::stream).findFirst();
        return status.flatMap(ChaosRun::earliestLastBar);
    }

    /** Empty while an instrument has no bar yet. */
    private static Optional<Instant> earliestLastBar(JsonNode status) {
        Instant earliest = null;
        for (JsonNode instrument : status.path("instruments")) {
            String t = instrument.path("lastBarTime").asText(null);
            if (t == null || t.isEmpty() || "null".equals(t)) {
                return Optional.empty();
            }
            Instant at = Instant.parse(t);
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        return Optional.ofNullable(earliest);
    }

    private Optional<JsonNode> status(int node) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodes.ports(node).http() + "/api/status"))
                    .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode status = json.readTree(response.body());
            watchRisk(node, status);
            return Optional.of(status);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Every status read is also a look at the prop-firm floors and the halts. */
    private void watchRisk(int node, JsonNode status) {
        for (String name : List.of("dailyFloor", "overallFloor")) {
            JsonNode floor = status.path("risk").path(name);
            if (floor.path("reached").asBoolean(false)) {
                String v = "node-" + node + " shows a prop-firm floor reached: " + floor;
                if (!violations.contains(v)) {
                    violations.add(v);
                }
            }
        }
        JsonNode halt = status.path("risk").path("halt");
        if (!halt.isMissingNode() && !halt.isNull() && halt.has("since")) {
            haltSince = haltSince == null ? Instant.parse(halt.path("since").asText()) : haltSince;
        }
    }

    /** All nodes alive, each a member of a cluster of all of them, each serving its status. */
    private boolean awaitHealed(int round) throws Exception {
        long deadline = System.nanoTime() + HEAL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 1; i <= nodes.count() && all; i++) {
                if (!nodes.alive(i)) {
                    int node = i;
                    // A node that ended by itself (downed) is started again, as its supervisor would.
                    op(round, "start", "node-" + node, () -> {
                        nodes.start(node);
                        return "pid " + nodes.pid(node) + " (it had exited)";
                    });
                    all = false;
                    break;
                }
                Optional<JsonNode> status = status(i);
                all = status.isPresent() && status.get().path("clusterMembers").size() == nodes.count();
            }
            if (all) {
                log.record(round, "healed", "cluster", OperationLog.Phase.OK, nodes.count() + " members");
                return true;
            }
            Thread.sleep(500);
        }
        log.record(round, "healed", "cluster", OperationLog.Phase.FAIL, "not within " + HEAL_TIMEOUT.toSeconds() + " s");
        return false;
    }

    /** The replay has stopped: waits until every node shows the same last bars for a few seconds; returns each node's status. */
    private Map<String, JsonNode> settle(PrintStream out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String previous = null;
        int same = 0;
        Map<String, JsonNode> statuses = new HashMap<>();
        while (System.nanoTime() < deadline && same < 5) {
            statuses.clear();
            for (int i = 1; i <= nodes.count(); i++) {
                int node = i;
                status(i).ifPresent(s -> statuses.put("node-" + node, s));
            }
            String now = statuses.values().stream().map(s -> s.path("instruments").toString() + s.path("account").path("cash")).distinct()
                    .reduce("", String::concat);
            same = now.equals(previous) && statuses.size() == nodes.count() ? same + 1 : 0;
            previous = now;
            Thread.sleep(1000);
        }
        out.printf("chaos: settled (%d nodes agree on the last bars and the cash)%n", statuses.size());
        return Map.copyOf(statuses);
    }

    /**
     * A node of its own on the same journal recovers every entity from it and compares our books
     * with the simulator's ledger; its status must equal what the live cluster showed last.
     */
    private LedgerCheck.Result replayAndCompare(PrintStream out, ExchangeSimServer server, SimConfig simConfig, String pgUrl, Map<String, String> keys,
                                                Map<String, JsonNode> live) throws Exception {
        Config config = ConfigFactory.parseMap(Map.of(
                        "trader.cluster.bootstrap", false,
                        "trader.http.port", 0,
                        "pekko.remote.artery.canonical.port", 0,
                        "trader.persistence.data-dir", settings.workDir().resolve("check").toString(),
                        "trader.binance.rest-base-url", server.restUrl(),
                        "trader.binance.ws-base-url", server.wsUrl(),
                        "pekko-persistence-jdbc.shared-databases.slick.db.url", pgUrl,
                        "pekko-persistence-jdbc.shared-databases.slick.db.user", "postgres",
                        "pekko-persistence-jdbc.shared-databases.slick.db.password", ""))
                .withFallback(ConfigLoader.load(settings.confDir().resolve("cluster.conf"), Map.of())).resolve();
        TraderSettings traderSettings = TraderSettings.load(config);
        ExchangeVenue venue = ExchangeVenue.create(config.getConfig("trader.binance"), traderSettings.instruments().values(), keys);
        try (TraderNode node = TraderNode.start(config, traderSettings, venue)) {
            LedgerCheck.Result check = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (check == null || (!check.equal() && System.nanoTime() < deadline)) {
                check = LedgerCheck.compare(node.engine(), server.simulator().snapshot(), simConfig.initialBalances());
                if (!check.equal()) {
                    Thread.sleep(500);
                }
            }
            compareWithLive(node, live);
            checkNoOrderAfterHalt(server);
            out.printf("chaos: replayed the journal on a fresh node: %d exchange orders and %d trades against our books: %s%n", check.orders(),
                    check.trades(), check.equal() ? "equal" : check.differences().size() + " difference(s)");
            return check;
        }
    }

    private void compareWithLive(TraderNode node, Map<String, JsonNode> live) throws Exception {
        var account = node.engine().account().ask(dev.trader.engine.account.AccountEntity.GetStatus::new, node.engine().settings().askTimeout())
                .toCompletableFuture().get();
        for (var e : live.entrySet()) {
            String liveCash = e.getValue().path("account").path("cash").asText();
            if (!liveCash.isEmpty() && new java.math.BigDecimal(liveCash).compareTo(account.cash().toBigDecimal()) != 0) {
                violations.add("replayed cash " + account.cash().toBigDecimal() + " differs from the cash " + e.getKey() + " showed live: " + liveCash);
            }
        }
    }

    private void checkNoOrderAfterHalt(ExchangeSimServer server) {
        if (haltSince == null) {
            return;
        }
        server.simulator().snapshot().orders().stream().filter(o -> Instant.ofEpochMilli(o.time()).isAfter(haltSince.plusSeconds(60)))
                .findFirst().ifPresent(o -> violations.add("order " + o.clientOrderId() + " reached the exchange after the halt of " + haltSince));
    }

    private void awaitLog(int node, String text, Duration within) throws Exception {
        Path file = settings.workDir().resolve("logs").resolve("node-" + node + ".log");
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            if (!nodes.alive(node)) {
                throw new IllegalStateException("node-" + node + " ended before '" + text + "' (see " + file + ")");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node-" + node + " did not log '" + text + "' within " + within.toSeconds() + " s (see " + file + ")");
    }

    interface Step {
        String run() throws Exception;
    }

    private void op(int round, String operation, String target, Step step) throws Exception {
        log.record(round, operation, target, OperationLog.Phase.INVOKE, "");
        try {
            String detail = step.run();
            log.record(round, operation, target, detail == null ? OperationLog.Phase.UNKNOWN : OperationLog.Phase.OK, detail);
        } catch (Exception e) {
            log.record(round, operation, target, OperationLog.Phase.FAIL, e.toString());
            throw e;
        }
    }

    private void printSummary(PrintStream out, Outcome o) {
        out.println();
        out.printf("chaos summary: seed %d, %d node(s), %d round(s), %.0f s, %d operations logged (%s)%n", o.seed(), settings.nodes(),
                o.rounds().size(), o.seconds(), o.operations(), settings.workDir().resolve("operations.log"));
        out.println("| round | fault | node | what | serving again after | healed |");
        out.println("|---:|---|---:|---|---:|---|");
        for (Round r : o.rounds()) {
            out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", r.number(), r.fault(), r.node() > 0 ? "node-" + r.node() : "-", r.detail(),
                    r.servingSeconds() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", r.servingSeconds()), r.healed() ? "yes" : "NO");
        }
        List<Double> kills = o.rounds().stream().filter(r -> r.fault() == Fault.KILL || r.fault() == Fault.KILL_OLDEST)
                .map(Round::servingSeconds).filter(s -> s >= 0).sorted().toList();
        if (!kills.isEmpty()) {
            out.printf(Locale.ROOT, "kill -9 to serving again: %d kills, median %.1f s, max %.1f s%n", kills.size(), kills.get(kills.size() / 2),
                    kills.get(kills.size() - 1));
        }
        out.println("| check | result |");
        out.println("|---|---|");
        out.printf("| one exchange order per intent, no lost or unexpected fill, books = ledger | %s (%d orders, %d trades) |%n",
                o.ledger().equal() ? "pass" : "FAIL: " + o.ledger().differences(), o.ledger().orders(), o.ledger().trades());
        out.printf("| journal contiguous, one writer at a time per entity | %s (%d events, %d entities) |%n",
                o.journal().clean() ? "pass" : "FAIL: " + o.journal().holes() + " " + o.journal().interleavedWriters(), o.journal().events(),
                o.journal().persistenceIds());
        out.printf("| replayed journal = live state, floors never reached, no order after a halt, every fault served again | %s |%n",
                o.violations().isEmpty() ? "pass" : "FAIL: " + o.violations());
        out.println("chaos: " + (o.passed() ? "PASSED" : "FAILED"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A base port with {@code n} free ports from it. */
    private int freeRange(int n) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + random.nextInt(30_000);
            boolean free = true;
            for (int i = 0; i < n && free; i++) {
                try (ServerSocket s = new ServerSocket(base + i)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + n + " consecutive free ports found");
    }
}
