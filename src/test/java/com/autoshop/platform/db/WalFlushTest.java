package com.autoshop.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One flush on its way at a time; commits made while it travels wait for the next, which serves them all.
 * At most two connections wait for the disk: the flush's and the next flush's; the others go back at once.
 */
class WalFlushTest {

    /** The connections flushes were sent on, in order, each flush answered when the test says so. */
    final List<String> sentOn = new ArrayList<>();
    final List<CompletableFuture<Void>> flushes = new ArrayList<>();
    final List<String> released = new ArrayList<>();
    final WalFlush<String> flush = new WalFlush<>(connection -> {
        sentOn.add(connection);
        CompletableFuture<Void> answer = new CompletableFuture<>();
        flushes.add(answer);
        return Uni.createFrom().completionStage(answer);
    }, released::add);

    @Test
    void commitsMadeWhileAFlushTravelsWaitForTheNextWhichServesThemAll() {
        var first = committed("a");
        var second = committed("b");
        var third = committed("c");
        assertThat(sentOn).containsExactly("a");
        assertThat(released).containsExactly("c");

        flushes.get(0).complete(null);

        first.assertCompleted();
        second.assertNotTerminated();
        third.assertNotTerminated();
        assertThat(sentOn).containsExactly("a", "b");
        assertThat(released).containsExactly("c", "a");

        flushes.get(1).complete(null);

        second.assertCompleted();
        third.assertCompleted();
        assertThat(released).containsExactly("c", "a", "b");
        committed("d"); // nothing on its way: flushed at once, on its own connection
        assertThat(sentOn).containsExactly("a", "b", "d");
    }

    @Test
    void aStalledFlushKeepsTwoConnectionsWhateverCommitsMeanwhile() {
        for (int i = 0; i < 20; i++) {
            committed("c" + i);
        }

        assertThat(sentOn).containsExactly("c0");
        assertThat(released).hasSize(18).doesNotContain("c0", "c1");
    }

    @Test
    void aFailedFlushFailsItsWaitersAndTheNextOneStillGoes() {
        var first = committed("a");
        var second = committed("b");

        flushes.get(0).completeExceptionally(new IllegalStateException("connection reset"));

        first.assertFailedWith(IllegalStateException.class, "connection reset");
        assertThat(released).containsExactly("a");
        second.assertNotTerminated();
        flushes.get(1).complete(null);
        second.assertCompleted();
        assertThat(released).containsExactly("a", "b");
    }

    @Test
    void aFlushThatCannotBeSentFailsItsWaitersAndFreesTheWay() {
        List<String> tried = new ArrayList<>();
        WalFlush<String> broken = new WalFlush<>(connection -> {
            tried.add(connection);
            if (tried.size() == 1) {
                throw new IllegalStateException("connection closed");
            }
            return Uni.createFrom().voidItem();
        }, released::add);

        broken.afterCommit("a").subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalStateException.class, "connection closed");
        broken.afterCommit("b").subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
        assertThat(tried).containsExactly("a", "b");
        assertThat(released).containsExactly("a", "b");
    }

    private UniAssertSubscriber<Void> committed(String connection) {
        return flush.afterCommit(connection).subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
