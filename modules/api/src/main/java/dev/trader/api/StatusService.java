package dev.trader.api;

import dev.trader.engine.account.NewsCalendar;
import dev.trader.engine.operator.OperatorLogEntity;
import dev.trader.engine.operator.OperatorLogState;
import dev.trader.api.StatusView.AccountView;
import dev.trader.api.StatusView.InstrumentView;
import dev.trader.api.StatusView.PositionView;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.position.Position;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.account.RiskStatus;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.instrument.InstrumentState;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Assembles the status view by asking the entities: every instrument, the account and each
 * open position. Equity marks open positions at their instrument's last close.
 */
public final class StatusService {
    private final Engine engine;
    private final String node;
    private final Duration timeout;

    private volatile Supplier<StatusView.FeedView> feed = () -> null;

    /** Reports the node's live feed in the status. */
    public StatusService withFeed(Supplier<StatusView.FeedView> feed) {
        this.feed = feed;
        return this;
    }

    public StatusService(Engine engine, String node, Duration timeout) {
        this.engine = engine;
        this.node = node;
        this.timeout = timeout;
    }

    /** The operator actions journaled through the admin API (count, and the latest, oldest first). */
    public CompletionStage<OperatorLogState> operatorLog() {
        return engine.operatorLog().ask(OperatorLogEntity.Get::new, timeout);
    }

    /** The account this node trades. */
    public String accountId() {
        return engine.settings().accountId();
    }

    public boolean knows(InstrumentId id) {
        return engine.settings().instruments().containsKey(id.value());
    }

    /** Every configured instrument with its filters and latest bar, by id. */
    public CompletionStage<List<InstrumentSummary>> instruments() {
        List<CompletableFuture<InstrumentSummary>> views = engine.settings().instruments().values().stream()
                .sorted(java.util.Comparator.comparing(r -> r.instrument().value()))
                .map(r -> instrument(r.instrument()).thenApply(s -> InstrumentSummary.of(r, s)).toCompletableFuture()).toList();
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(v -> views.stream().map(CompletableFuture::join).toList());
    }

    public CompletionStage<InstrumentState> instrument(InstrumentId id) {
        return engine.instrument(id).ask(InstrumentEntity.GetStatus::new, timeout);
    }

    public CompletionStage<StatusView> status() {
        List<CompletableFuture<InstrumentState>> instruments = engine.settings().instruments().keySet().stream().sorted()
                .map(id -> instrument(InstrumentId.parse(id)).toCompletableFuture()).toList();
        CompletableFuture<AccountState> account = account().toCompletableFuture();
        CompletableFuture<RiskStatus> risk = riskStatus().toCompletableFuture();
        return CompletableFuture.allOf(instruments.toArray(CompletableFuture[]::new)).thenCombine(account, (v, acc) -> acc)
                .thenCombine(risk, (acc, r) -> Map.entry(acc, r))
                .thenCompose(e -> positions(e.getKey()).thenApply(positions -> view(instruments.stream().map(CompletableFuture::join).toList(),
                        e.getKey(), RiskViews.of(e.getValue()), positions)));
    }

    public CompletionStage<AccountState> account() {
        return engine.account().ask(AccountEntity.GetStatus::new, timeout);
    }

    /** A parent order of an execution algorithm with each child as its Order entity has it; empty for an id that is no parent's. */
    public CompletionStage<Optional<ParentOrderView>> parentOrder(ClientOrderId id) {
        return engine.parentOrder(id).<ParentOrderState>ask(ParentOrderEntity.GetParent::new, timeout).thenCompose(p -> {
            if (!p.exists()) {
                return CompletableFuture.completedFuture(Optional.<ParentOrderView>empty());
            }
            List<CompletableFuture<OrderState>> children = p.children().stream()
                    .map(c -> engine.order(c.request().clientOrderId()).<OrderState>ask(OrderEntity.GetOrder::new, timeout).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApply(v -> {
                Map<String, OrderState> orders = new LinkedHashMap<>();
                for (int i = 0; i < children.size(); i++) {
                    ChildOrder c = p.children().get(i);
                    orders.put(c.clientOrderId(), children.get(i).join());
                }
                return Optional.of(ParentOrderView.of(p, orders));
            });
        });
    }

    public CompletionStage<RiskStatus> riskStatus() {
        return engine.account().ask(AccountEntity.GetRiskStatus::new, timeout);
    }

    /** Whether {@code strategy} is configured (a kill switch for an unknown strategy would guard nothing). */
    public boolean knowsStrategy(String strategy) {
        return engine.settings().strategies().stream().anyMatch(b -> b.strategy().id().value().equals(strategy));
    }

    /** Sets the kill switch (globally when {@code strategy} is null) and answers with the risk view after it. */
    public CompletionStage<StatusView.RiskView> setKillSwitch(boolean on, String strategy, String reason) {
        return engine.account().<AccountState>ask(r -> new AccountEntity.SetKillSwitch(on, strategy, reason, r), timeout)
                .thenCompose(s -> riskStatus()).thenApply(RiskViews::of);
    }

    /** Feeds the trader's self-reported state (1..5) to the mental governor; refused (with why) before the first bar. */
    public CompletionStage<OperatorResult> selfReport(int state) {
        return operator(engine.account().ask(r -> new AccountEntity.SelfReport(state, r), timeout));
    }

    /** Halts the account and closes every position at market from the next bar; refused when a flatten is under way (or under the flat model). */
    public CompletionStage<OperatorResult> flattenAll(String reason) {
        return operator(engine.account().ask(r -> new AccountEntity.FlattenAll(reason, r), timeout));
    }

    /** Re-reads the news calendar file now (it is also re-read when it changes, once a bar); answers with what it holds. */
    public NewsCalendar.Loaded reloadNews() {
        return engine.newsCalendar().reload();
    }

    /** Lifts the account's halt; refused ("not halted") when there is none. */
    public CompletionStage<OperatorResult> clearHalt(String reason) {
        return operator(engine.account().ask(r -> new AccountEntity.ClearHalt(reason, r), timeout));
    }

    private CompletionStage<OperatorResult> operator(CompletionStage<AccountEntity.OperatorReply> reply) {
        return reply.thenCompose(a -> a.accepted() ? riskStatus().thenApply(r -> new OperatorResult(null, RiskViews.of(r)))
                : CompletableFuture.completedFuture(new OperatorResult(a.refusal(), null)));
    }

    /** What an operator command did: the risk view after it, or (refused) why nothing was done. */
    public record OperatorResult(String refusal, StatusView.RiskView risk) {
    }

    private CompletionStage<List<PositionState>> positions(AccountState account) {
        List<CompletableFuture<PositionState>> open = new ArrayList<>();
        for (InstrumentBook book : account.books().values()) {
            if (!book.filled().isZero()) {
                book.latestPositionId(account.accountId())
                        .ifPresent(id -> open.add(engine.position(id).ask(PositionEntity.GetPosition::new, timeout).toCompletableFuture()));
            }
        }
        return CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).thenApply(v -> open.stream().map(CompletableFuture::join).toList());
    }

    private StatusView view(List<InstrumentState> instruments, AccountState account, StatusView.RiskView risk, List<PositionState> positions) {
        Map<String, Price> marks = new LinkedHashMap<>();
        instruments.forEach(i -> {
            if (i.lastClose() != null) {
                marks.put(i.instrument(), i.lastClose());
            }
        });
        Money equity = account.cash();
        List<PositionView> open = new ArrayList<>();
        for (PositionState p : positions) {
            Position pos = p.position();
            if (pos.isFlat()) {
                continue;
            }
            Price mark = marks.getOrDefault(pos.instrument().value(), pos.averagePrice());
            Money unrealized = pos.unrealizedPnl(mark);
            // Cash already paid for what is held: equity adds its market value (negative when short).
            equity = equity.plus(Money.of(pos.signedQuantity().multiply(mark.toBigDecimal()), account.cash().currency()));
            open.add(new PositionView(p.positionId(), pos.instrument().value(), p.protection() == null ? null : p.protection().strategy(),
                    pos.side().name(), pos.quantity().toString(),
                    pos.averagePrice().toString(), mark.toString(), unrealized.toBigDecimal().toPlainString(),
                    pos.realizedPnl().toBigDecimal().toPlainString(), pos.fees().toBigDecimal().toPlainString()));
        }
        List<InstrumentView> ivs = instruments.stream().map(i -> new InstrumentView(i.instrument(),
                i.watermark() == null ? null : i.watermark().toString(), i.lastClose() == null ? null : i.lastClose().toString(),
                i.barsAccepted(), i.rejectedTotal(), i.rejectionsByReason())).toList();
        long positionsOpened = account.books().values().stream().mapToLong(InstrumentBook::positionSeq).sum();
        Map<String, Long> entities = new LinkedHashMap<>();
        entities.put("instruments", (long) instruments.size());
        entities.put("strategies", engine.settings().strategies().stream().mapToLong(b -> b.instruments().size()).sum());
        entities.put("accounts", 1L);
        entities.put("orders", account.approvedCount());
        entities.put("positions", positionsOpened);
        AccountView av = new AccountView(account.accountId(), account.cash().currency(), account.initialCapital().toBigDecimal().toPlainString(),
                account.cash().toBigDecimal().toPlainString(), equity.toBigDecimal().toPlainString(), account.killSwitch(),
                account.openOrders().size(), account.approvedCount(), account.rejectedCount(), account.bookedTradeIds().size(),
                new java.util.TreeMap<>(account.reconciliationHolds()));
        List<String> members = new ArrayList<>();
        Cluster.get(engine.system()).state().getMembers().forEach(m -> members.add(m.address() + " " + m.status()));
        return new StatusView(engine.settings().mode(), node, members, entities, ivs, av, risk, open, feed.get());
    }
}
