package com.autoshop.appointment;

import com.autoshop.appointment.BoardCards.Parts;
import com.autoshop.appointment.BoardQuery.Board;
import com.autoshop.platform.events.DatabaseEvents;
import com.autoshop.platform.events.LocalWrite;
import com.autoshop.platform.http.StoredDocument;
import com.autoshop.platform.time.ShopClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Boards as last read, per instance, for at most {@code autoshop.board.cache-ttl} ({@code BOARD_CACHE_TTL};
 * zero turns the cache off). A board is dropped as soon as it may have changed:
 * <ul>
 * <li>on every instance, when the database announces a change on a shop day that the board's range reaches
 * (appointments, and so their services and payments: the day of the card's old and new start, where the
 * cards its move shifted are), or a change of a customer, vehicle or technician
 * (any board), or a resync after the listener reconnected (any board);</li>
 * <li>on this instance, before the answer of a successful write leaves ({@link LocalWrite}): the boards
 * showing the appointment written, or every board when the write may bring a card onto another day
 * (creating, rescheduling) or is not about one appointment. Whoever changed something sees it in their
 * next read; other instances see it when the notification arrives, a moment later.</li>
 * </ul>
 * A board being read while such a change happens is answered but not kept.
 * <p>
 * The cards of a dropped board are kept: its next read asks the database only for the cards whose
 * appointment changed (a move shifts the positions of a few hundred cards and changes one). Kept cards
 * go with every change of a customer, vehicle or technician, every local write that is not to one
 * appointment, and after {@link #CARD_LIFETIME}.
 */
@Singleton
public class BoardCache {

    /** The boards kept at most (a day's board of the benchmark's busy shop is about 190 KB). */
    static final int CAPACITY = 128;
    /**
     * How long a card is reused without being read again: bounds how long a change to an appointment's
     * services made behind the service's back (every write of the service changes the appointment too) stays unseen.
     */
    static final Duration CARD_LIFETIME = Duration.ofMinutes(1);
    /** A write to one appointment that keeps it on its day: {@code .../appointments/{id}/...}. */
    private static final Pattern ONE_APPOINTMENT = Pattern.compile("/appointments/([0-9a-fA-F-]{36})(/.+)?$");

    private final BoardQuery query;
    private final DatabaseEvents database;
    private final ShopClock clock;
    private final Duration ttl;
    private final Map<Key, Kept> boards = new ConcurrentHashMap<>();
    private final Map<Key, Map<UUID, Parts>> cards = new ConcurrentHashMap<>();
    private final Set<Loading> loading = ConcurrentHashMap.newKeySet();
    private final Counter hits;
    private final Counter misses;
    private final Counter cardsKept;
    private final Counter cardsRead;

    public BoardCache(BoardQuery query, DatabaseEvents database, ShopClock clock, MeterRegistry registry,
            @ConfigProperty(name = "autoshop.board.cache-ttl") Duration ttl) {
        this.query = query;
        this.database = database;
        this.clock = clock;
        this.ttl = ttl;
        this.hits = Counter.builder("board.cache").tag("result", "hit").description("Boards answered from memory").register(registry);
        this.misses = Counter.builder("board.cache").tag("result", "miss").description("Boards read from the database").register(registry);
        this.cardsKept = Counter.builder("board.cards").tag("source", "kept").description("Cards of boards read again, reused").register(registry);
        this.cardsRead = Counter.builder("board.cards").tag("source", "database").description("Cards of boards read again, read").register(registry);
    }

    record Key(Instant from, Instant to, UUID technicianId, String zone) {

        boolean overlaps(Instant first, Instant last) {
            return first.isBefore(to) && !last.isBefore(from);
        }
    }

    private record Kept(Board board, long expiresAt) {
    }

    /**
     * A read in progress: {@code stale} once a change it may miss happened meanwhile, or once an
     * appointment was written here meanwhile that turns out to be on it; {@code staleCards} once a card
     * may show a customer, vehicle or technician as they were.
     */
    private static final class Loading {
        final Key key;
        final Set<UUID> written = ConcurrentHashMap.newKeySet();
        volatile boolean stale;
        volatile boolean staleCards;

        Loading(Key key) {
            this.key = key;
        }
    }

    public Uni<StoredDocument> board(Instant from, Instant to, UUID technicianId, String zone) {
        if (ttl.isZero()) {
            return query.board(from, to, technicianId, zone, Map.of()).map(Board::document);
        }
        Key key = new Key(from, to, technicianId, zone);
        Kept kept = boards.get(key);
        if (kept != null && kept.expiresAt - System.nanoTime() > 0) {
            hits.increment();
            return Uni.createFrom().item(kept.board.document());
        }
        misses.increment();
        Loading load = new Loading(key);
        loading.add(load);
        return query.board(from, to, technicianId, zone, reusable(key))
                .invoke(board -> {
                    cardsKept.increment(board.reused());
                    cardsRead.increment(board.cards().size() - board.reused());
                    if (!load.staleCards) {
                        keepCards(key, board.cards());
                        if (load.staleCards) { // a change of cards' sources arrived while they were being kept
                            cards.remove(key);
                        }
                    }
                    if (load.stale || load.written.stream().anyMatch(board.appointmentIds()::contains)) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (boards.size() >= CAPACITY) {
                        boards.values().removeIf(old -> old.expiresAt - now <= 0);
                    }
                    if (boards.size() < CAPACITY || boards.containsKey(key)) {
                        boards.put(key, new Kept(board, now + ttl.toNanos()));
                    }
                })
                .eventually(() -> loading.remove(load))
                .map(Board::document);
    }

    private Map<UUID, Parts> reusable(Key key) {
        Map<UUID, Parts> known = cards.getOrDefault(key, Map.of());
        Map<UUID, Parts> reusable = new HashMap<>(known.size() * 2);
        long now = System.nanoTime();
        known.forEach((id, card) -> {
            if (now - card.renderedAt() < CARD_LIFETIME.toNanos()) {
                reusable.put(id, card);
            }
        });
        return reusable;
    }

    private void keepCards(Key key, Map<UUID, Parts> read) {
        if (cards.size() >= CAPACITY && !cards.containsKey(key)) {
            cards.clear();
        }
        cards.put(key, read);
    }

    void start(@Observes StartupEvent event) {
        if (ttl.isZero()) {
            return;
        }
        database.follow("the board cache", change -> {
            onChange(change);
            return Uni.createFrom().voidItem();
        }, this::dropAll);
    }

    void onChange(JsonObject change) {
        String kind = change.getString("kind");
        if ("cards".equals(kind) || DatabaseEvents.RESYNC.equals(kind)) {
            dropAll();
            return;
        }
        if (!"appointments".equals(kind)) {
            return;
        }
        Instant firstStart = instant(change.getValue("from"));
        Instant lastStart = instant(change.getValue("to"));
        if (firstStart == null || lastStart == null) {
            drop(key -> true);
            return;
        }
        Instant firstDayStart = clock.startOf(clock.dayOf(firstStart));
        Instant lastDayEnd = clock.startOf(clock.dayOf(lastStart).plusDays(1)).minusNanos(1);
        drop(key -> key.overlaps(firstDayStart, lastDayEnd));
    }

    /** A span's end, or null when the notification has none (or one this version cannot read). */
    private static Instant instant(Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    void onLocalWrite(@Observes LocalWrite write) {
        if (ttl.isZero()) {
            return;
        }
        Matcher one = ONE_APPOINTMENT.matcher(write.path());
        boolean keepsItsDay = one.find() && (one.group(2) != null || "DELETE".equals(write.method()));
        if (!keepsItsDay) {
            dropAll();
            return;
        }
        UUID appointment = UUID.fromString(one.group(1));
        loading.forEach(load -> load.written.add(appointment));
        boards.entrySet().removeIf(entry -> entry.getValue().board.appointmentIds().contains(appointment));
    }

    /** Every board and every card: a card may show a customer, vehicle or technician as they were. */
    private void dropAll() {
        loading.forEach(load -> load.staleCards = true);
        cards.clear();
        drop(key -> true);
    }

    private void drop(Predicate<Key> reached) {
        loading.forEach(load -> {
            if (reached.test(load.key)) {
                load.stale = true;
            }
        });
        boards.keySet().removeIf(reached);
    }
}
