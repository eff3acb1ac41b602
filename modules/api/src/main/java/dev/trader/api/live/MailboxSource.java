package dev.trader.api.live;

import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * A client's messages as a stream: each pull takes the next from its {@link ConflatingMailbox}; an
 * empty mailbox wakes the stream when the next message arrives. The stream pulls only as fast as
 * the socket writes, which is what lets the mailbox conflate for a slow client.
 */
final class MailboxSource extends GraphStage<SourceShape<FeedFrame>> {
    private final Outlet<FeedFrame> out = Outlet.create("MailboxSource.out");
    private final SourceShape<FeedFrame> shape = SourceShape.of(out);
    private final ConflatingMailbox mailbox;

    MailboxSource(ConflatingMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public SourceShape<FeedFrame> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape) {
            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        deliver();
                    }
                });
            }

            @Override
            public void preStart() {
                AsyncCallback<NotUsed> available = createAsyncCallback(n -> deliver());
                mailbox.onAvailable(() -> available.invoke(NotUsed.getInstance()));
            }

            private void deliver() {
                if (isAvailable(out)) {
                    FeedFrame next = mailbox.take();
                    if (next != null) {
                        push(out, next);
                    }
                }
            }
        };
    }
}
