package dev.trader.engine.strategy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.strategy.StrategyState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * Deep copies of strategy state through the same Jackson CBOR mapper the journal uses.
 * Strategies update their state in place (that is what keeps indicators O(1)); the entity
 * must never hand Pekko a state it will mutate later (a snapshot may still be serializing
 * it), so each bar is applied to a fresh copy. A state that does not survive the copy would
 * not survive a snapshot either: the copy fails loudly here first.
 */
public final class StrategyStateCopier implements UnaryOperator<StrategyState> {
    private final ObjectMapper mapper;

    public StrategyStateCopier(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static StrategyStateCopier of(ActorSystem<?> system) {
        return new StrategyStateCopier(JacksonObjectMapperProvider.get(system).getOrCreate("jackson-cbor", Optional.empty()));
    }

    @Override
    public StrategyState apply(StrategyState state) {
        try {
            return mapper.readerFor(StrategyState.class).readValue(mapper.writerFor(StrategyState.class).writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("strategy state " + state.getClass().getName() + " cannot be copied through Jackson", e);
        }
    }
}
