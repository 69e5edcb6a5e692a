package com.autoshop.platform.events;

import com.autoshop.platform.db.LogThrottle;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listens on the PostgreSQL channel {@code autoshop_events}, where committed changes are announced
 * (V4__change_notifications.sql), and republishes them inside this instance. LISTEN needs a session of
 * its own outside any transaction pooler: it uses the direct URL, on one dedicated connection that is
 * re-established after a loss; a {@code resync} event then tells consumers that changes may have been missed.
 * <p>
 * The triggers queue their announcements in the writing transaction; this connection also relays the
 * queue to NOTIFY every {@code autoshop.events.relay-interval}, with synchronous_commit off, so that no
 * writing transaction holds NOTIFY's database-wide commit lock (V14__announcements_leave_through_a_relay.sql).
 * Every instance relays; each queued announcement is sent once, by whichever instance claims it.
 */
@Singleton
public class DatabaseEvents {

    public static final String CHANNEL = "autoshop_events";
    public static final String RESYNC = "resync";
    static final int FOLLOWER_BUFFER = 4096;
    static final int RELAY_BATCH = 500;
    static final String RELAY = "SELECT relay_announcements($1)";

    private final BroadcastProcessor<JsonObject> events = BroadcastProcessor.create();
    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration relayInterval;
    private final LogThrottle relayFailures = new LogThrottle(Duration.ofMinutes(1));
    private PgSubscriber subscriber;
    private volatile boolean connectedOnce;
    /** The LISTEN connection once it is ready to relay (synchronous_commit off), else null. */
    private volatile PgConnection relayConnection;
    private final AtomicBoolean relaying = new AtomicBoolean();
    private long relayTimer = -1;

    public DatabaseEvents(Vertx vertx,
            @ConfigProperty(name = "autoshop.events.relay-interval") Duration relayInterval,
            @ConfigProperty(name = "autoshop.listen.url") Optional<String> listenUrl,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String poolUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relayInterval = relayInterval;
        String url = listenUrl.filter(value -> !value.isBlank()).orElse(poolUrl).replaceFirst("^vertx-reactive:", "");
        this.options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    /** Every change announced by the database, and a {@code resync} after each reconnection. */
    public Multi<JsonObject> stream() {
        return events;
    }

    /**
     * Hands every change, in order, to {@code handle}, one at a time. Changes queue while one is
     * handled; should the queue fill (or {@code handle} fail), the follower may have missed changes:
     * {@code missed} runs and following starts again.
     */
    public void follow(String follower, Function<JsonObject, Uni<?>> handle, Runnable missed) {
        events.onOverflow().buffer(FOLLOWER_BUFFER)
                .onItem().transformToUniAndConcatenate(handle)
                .onFailure().invoke(failure -> {
                    Log.warnf("%s fell behind the database (%s)", follower, failure.getMessage());
                    missed.run();
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(ignored -> {
                });
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx.getDelegate(), options)
                .reconnectPolicy(attempt -> Math.min(30_000L, 500L * (attempt + 1)));
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> onSubscribed())
                .handler(this::onPayload);
        subscriber.closeHandler(ignored -> {
            relayConnection = null;
            Log.warn("lost the LISTEN connection; reconnecting");
        });
        subscriber.connect().onFailure(failure -> Log.errorf("could not LISTEN on %s: %s", CHANNEL, failure.getMessage()));
        relayTimer = vertx.getDelegate().setPeriodic(Math.max(1, relayInterval.toMillis()), ignored -> relay());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.getDelegate().cancelTimer(relayTimer);
        if (subscriber != null) {
            subscriber.close();
        }
        events.onComplete();
    }

    private void onSubscribed() {
        if (connectedOnce) {
            events.onNext(new JsonObject().put("kind", RESYNC));
        }
        connectedOnce = true;
        Log.debugf("listening on %s", CHANNEL);
        PgConnection connection = subscriber.actualConnection();
        // losing a relayed notification in a crash costs nothing: listeners resynchronise after one
        connection.query("SET synchronous_commit = off").execute()
                .onSuccess(ignored -> relayConnection = connection)
                .onFailure(failure -> Log.errorf("cannot relay announcements: %s", failure.getMessage()));
    }

    /** Sends the queued announcements, a batch at a time, one relay at a time. */
    private void relay() {
        PgConnection connection = relayConnection;
        if (connection == null || !relaying.compareAndSet(false, true)) {
            return;
        }
        connection.preparedQuery(RELAY).execute(Tuple.of(RELAY_BATCH)).onComplete(result -> {
            relaying.set(false);
            if (result.failed()) {
                long heldBack = relayFailures.pass();
                if (heldBack >= 0) {
                    Log.warnf("could not relay announcements (%d more failures since the last line): %s", heldBack,
                            result.cause().getMessage());
                }
            } else if (result.result().iterator().next().getInteger(0) == RELAY_BATCH) {
                relay();
            }
        });
    }

    private void onPayload(String payload) {
        try {
            events.onNext(new JsonObject(payload));
        } catch (RuntimeException e) {
            Log.warnf("ignored a malformed notification on %s", CHANNEL);
        }
    }
}
