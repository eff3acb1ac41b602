package dev.trader.engine.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.SubmitResult;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.FillListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A venue for one unit test of {@link OrderEntity}: answers each submission as scripted
 * (accepted when nothing is scripted), records every submission together with what the journal
 * held for the order at that moment, and answers queries as scripted.
 */
final class FakeExecutionClient implements ExecutionClient {
    enum Answer { ACCEPT, REJECT, UNKNOWN, FAIL }

    /** One call of {@link #submit}: the request and the events journaled for its order when it was made. */
    record Submission(OrderRequest request, List<Object> journalAtCall) {
    }

    private final Function<ClientOrderId, List<Object>> journal;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<ClientOrderId> queries = new ArrayList<>();
    private Optional<OrderStatus> queryAnswer = Optional.empty();
    private final Deque<Optional<OrderStatus>> queryAnswersInTurn = new ArrayDeque<>();
    private int denialsToConclude = 1;
    private Quantity acceptedQuantity;
    private final List<ClientOrderId> cancels = new ArrayList<>();
    private boolean refuseCancels;
    private int venueOrderIds = 8_401_123;

    /** {@code journal} reads the events persisted so far for an order. */
    FakeExecutionClient(Function<ClientOrderId, List<Object>> journal) {
        this.journal = journal;
    }

    synchronized FakeExecutionClient thenAnswer(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    synchronized FakeExecutionClient answerQueriesWith(Optional<OrderStatus> status) {
        queryAnswer = status;
        return this;
    }

    /** The next queries get these answers, one each; later ones {@link #answerQueriesWith}'s. */
    synchronized FakeExecutionClient answerQueriesInTurn(List<Optional<OrderStatus>> next) {
        queryAnswersInTurn.addAll(next);
        return this;
    }

    /** Accepts orders for this quantity (an adapter that caps exits at the holding). */
    synchronized FakeExecutionClient acceptFor(Quantity quantity) {
        acceptedQuantity = quantity;
        return this;
    }

    /** Like an exchange: this many "does not exist" answers in a row prove an order never arrived. */
    synchronized FakeExecutionClient denialsToConclude(int n) {
        denialsToConclude = n;
        return this;
    }

    @Override
    public synchronized int notFoundAnswersToConclude() {
        return denialsToConclude;
    }

    synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    synchronized List<ClientOrderId> queries() {
        return List.copyOf(queries);
    }

    @Override
    public String venue() {
        return "fake";
    }

    @Override
    public void setFillListener(FillListener listener) {
        // fills are handed to the entity directly by the tests
    }

    @Override
    public synchronized CompletionStage<SubmitResult> submit(OrderRequest request) {
        submissions.add(new Submission(request, List.copyOf(journal.apply(request.clientOrderId()))));
        Answer answer = answers.isEmpty() ? Answer.ACCEPT : answers.poll();
        ClientOrderId id = request.clientOrderId();
        return switch (answer) {
            case ACCEPT -> CompletableFuture.completedFuture(SubmitResult.accepted(id, String.valueOf(venueOrderIds++), acceptedQuantity));
            case REJECT -> CompletableFuture.completedFuture(SubmitResult.rejected(id, "-2010 Account has insufficient balance for requested action."));
            case UNKNOWN -> CompletableFuture.completedFuture(SubmitResult.unknown(id, "-1007 Timeout waiting for response from backend server."));
            case FAIL -> CompletableFuture.failedFuture(new IOException("Connection reset by peer"));
        };
    }

    /** Cancels are accepted unless {@link #refuseCancels} was called. */
    synchronized FakeExecutionClient refuseCancels() {
        refuseCancels = true;
        return this;
    }

    synchronized List<ClientOrderId> cancels() {
        return List.copyOf(cancels);
    }

    @Override
    public synchronized CompletionStage<SubmitResult> cancel(ClientOrderId clientOrderId) {
        cancels.add(clientOrderId);
        return CompletableFuture.completedFuture(refuseCancels ? SubmitResult.rejected(clientOrderId, "-2011 Unknown order sent.")
                : SubmitResult.accepted(clientOrderId, ""));
    }

    @Override
    public synchronized CompletionStage<Optional<OrderStatus>> query(ClientOrderId clientOrderId) {
        queries.add(clientOrderId);
        return CompletableFuture.completedFuture(queryAnswersInTurn.isEmpty() ? queryAnswer : queryAnswersInTurn.poll());
    }
}
