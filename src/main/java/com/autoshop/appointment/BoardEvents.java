package com.autoshop.appointment;

import com.autoshop.platform.events.DatabaseEvents;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live board of this instance: turns the database's change notifications into board events
 * (card created, moved, changed, removed), reading the changed cards once per notification, and fans
 * them out to every connected client. Each client may fall behind by a bounded number of events;
 * beyond that its stream ends (the client reconnects and reloads) instead of holding memory.
 */
@Singleton
public class BoardEvents {

    static final int CLIENT_BUFFER = 256;
    static final BoardEvent RELOAD = new BoardEvent("board.reload", "{}");
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final DatabaseEvents database;
    private final BoardQuery board;
    private final BroadcastProcessor<BoardEvent> hub = BroadcastProcessor.create();
    /** Connected clients: with none, notifications are not turned into events (no card is read). */
    private final AtomicInteger clients = new AtomicInteger();

    public BoardEvents(DatabaseEvents database, BoardQuery board) {
        this.database = database;
        this.board = board;
    }

    /** One event to a board client: its SSE name and JSON data. */
    public record BoardEvent(String name, String data) {
    }

    /**
     * Notifications queue here while the cards of the previous one are read; should the queue ever fill,
     * the clients are told to reload and the subscription starts again.
     */
    void start(@Observes StartupEvent event) {
        database.follow("the live board", this::publish, () -> hub.onNext(RELOAD));
    }

    private Uni<?> publish(JsonObject change) {
        String kind = change.getString("kind");
        if (!"appointments".equals(kind) && !DatabaseEvents.RESYNC.equals(kind)) {
            return Uni.createFrom().voidItem();
        }
        return toBoardEvents(change).invoke(events -> events.forEach(hub::onNext));
    }

    /** Clients are told to reconnect elsewhere as soon as this instance starts shutting down. */
    void stop(@Observes ShutdownDelayInitiatedEvent event) {
        hub.onComplete();
    }

    /** The events for one client, with a heartbeat to keep proxies from closing an idle stream. */
    public Multi<BoardEvent> subscribe() {
        Multi<BoardEvent> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new BoardEvent("heartbeat", "{}"));
        return Multi.createBy().merging().streams(hub, heartbeat)
                .onOverflow().buffer(CLIENT_BUFFER)
                .onSubscription().invoke(clients::incrementAndGet)
                .onTermination().invoke(clients::decrementAndGet);
    }

    private Uni<List<BoardEvent>> toBoardEvents(JsonObject change) {
        if (clients.get() == 0) {
            return Uni.createFrom().item(List.of());
        }
        if (DatabaseEvents.RESYNC.equals(change.getString("kind"))) {
            return Uni.createFrom().item(List.of(RELOAD));
        }
        if (change.getBoolean("truncated", false)) {
            return Uni.createFrom().item(List.of(reload(change)));
        }
        JsonArray rows = change.getJsonArray("rows", new JsonArray());
        List<UUID> live = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            if (!row.getBoolean("removed", false)) {
                live.add(UUID.fromString(row.getString("id")));
            }
        }
        Uni<Map<UUID, String>> cards = live.isEmpty() ? Uni.createFrom().item(Map.of()) : board.cards(live);
        return cards.map(byId -> {
            List<BoardEvent> events = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonObject row = rows.getJsonObject(i);
                String card = byId.get(UUID.fromString(row.getString("id")));
                events.add(event(row, card));
            }
            return events;
        }).onFailure().recoverWithItem(failure -> List.of(RELOAD));
    }

    /** A reload for the boards that show the changed span (first and last start), or for all without one. */
    private static BoardEvent reload(JsonObject change) {
        Object from = change.getValue("from");
        Object to = change.getValue("to");
        if (!(from instanceof String) || !(to instanceof String)) {
            return RELOAD;
        }
        return new BoardEvent(RELOAD.name(), new JsonObject().put("from", from).put("to", to).encode());
    }

    private static BoardEvent event(JsonObject row, String card) {
        String name;
        if (row.getBoolean("removed", false) || card == null) {
            name = "card.removed";
        } else if (row.getBoolean("created", false)) {
            name = "card.created";
        } else if (!row.getString("status").equals(row.getString("previousStatus"))
                || !row.getInteger("position").equals(row.getInteger("previousPosition"))) {
            name = "card.moved";
        } else {
            name = "card.changed";
        }
        JsonObject data = new JsonObject().put("id", row.getString("id"));
        if (card != null && !name.equals("card.removed")) {
            data.put("card", new JsonObject(card));
        }
        return new BoardEvent(name, data.encode());
    }
}
