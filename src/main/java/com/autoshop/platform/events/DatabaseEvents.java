package com.autoshop.platform.events;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Listens on the PostgreSQL channel {@code autoshop_events}, where triggers announce committed changes
 * (V4__change_notifications.sql), and republishes them inside this instance. LISTEN needs a session of
 * its own outside any transaction pooler: it uses the direct URL, on one dedicated connection that is
 * re-established after a loss; a {@code resync} event then tells consumers that changes may have been missed.
 */
@Singleton
public class DatabaseEvents {

    public static final String CHANNEL = "autoshop_events";
    public static final String RESYNC = "resync";
    static final int FOLLOWER_BUFFER = 4096;

    private final BroadcastProcessor<JsonObject> events = BroadcastProcessor.create();
    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean connectedOnce;

    public DatabaseEvents(Vertx vertx,
            @ConfigProperty(name = "autoshop.listen.url") Optional<String> listenUrl,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String poolUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
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
        subscriber.closeHandler(ignored -> Log.warn("lost the LISTEN connection; reconnecting"));
        subscriber.connect().onFailure(failure -> Log.errorf("could not LISTEN on %s: %s", CHANNEL, failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
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
    }

    private void onPayload(String payload) {
        try {
            events.onNext(new JsonObject(payload));
        } catch (RuntimeException e) {
            Log.warnf("ignored a malformed notification on %s", CHANNEL);
        }
    }
}
