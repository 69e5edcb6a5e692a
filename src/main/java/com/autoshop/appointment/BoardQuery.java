package com.autoshop.appointment;

import com.autoshop.appointment.BoardCards.Parts;
import com.autoshop.platform.data.Times;
import com.autoshop.platform.http.StoredDocument;
import com.autoshop.platform.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The board: one column per status with its card count and money sum, cards ordered by day and position,
 * each card with the customer, vehicle label, services summary and technician initials. One statement;
 * the cards are rendered by {@link BoardCards}.
 */
@ApplicationScoped
public class BoardQuery {

    /**
     * The day's cards in order, each with its content hash; the card's columns only for those the caller
     * does not know with that content ($5 ids, $6 content hashes; empty arrays for a first read).
     */
    public static final String BOARD_SQL = """
            WITH on_board AS MATERIALIZED (
                SELECT a.id, a.status, a.position, a.starts_at, a.total_cents, """ + BoardCards.CONTENT + """
             AS content
                FROM appointments a
                WHERE a.deleted_at IS NULL AND a.starts_at >= $1 AND a.starts_at < $2 AND ($3::uuid IS NULL OR a.technician_id = $3)
            ), scope AS MATERIALIZED (
                SELECT b.id FROM on_board b
                WHERE NOT EXISTS (SELECT 1 FROM unnest($5::uuid[], $6::bigint[]) AS known(id, content)
                                  WHERE known.id = b.id AND known.content = b.content)
            ), """ + BoardCards.LINES + """
            , cards AS MATERIALIZED (
                SELECT\s""" + BoardCards.COLUMNS + "\n" + BoardCards.SOURCES + """

            )
            SELECT (b.starts_at AT TIME ZONE $4)::date, b.id, b.status, b.position, b.content, b.total_cents, cards.*
            FROM on_board b LEFT JOIN cards ON cards.id = b.id
            ORDER BY 1, b.position, b.starts_at, b.id""";

    static final String CARDS_BY_ID_SQL = """
            WITH scope AS (
                SELECT id FROM appointments WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
            ), """ + BoardCards.LINES + """

            SELECT\s""" + BoardCards.COLUMNS + "\n" + BoardCards.SOURCES;

    static final String ON_PREMISES_SQL = """
            WITH scope AS (
                SELECT id FROM appointments WHERE deleted_at IS NULL AND check_in_at IS NOT NULL AND check_out_at IS NULL
            ), """ + BoardCards.LINES + """

            SELECT\s""" + BoardCards.COLUMNS + "\n" + BoardCards.SOURCES + """

            ORDER BY a.check_in_at, a.id""";

    private final Pool pool;

    public BoardQuery(Pool pool) {
        this.pool = pool;
    }

    /** The cards of one status and their money. */
    private static final class Column {
        final List<String> cards = new ArrayList<>();
        long totalCents;
    }

    /** A rendered board and its cards by appointment. */
    public record Board(StoredDocument document, Map<UUID, Parts> cards, int reused) {

        Set<UUID> appointmentIds() {
            return cards.keySet();
        }
    }

    /** The board, reading again only the cards not in {@code known} with their current content. */
    public Uni<Board> board(Instant from, Instant to, UUID technicianId, String zone, Map<UUID, Parts> known) {
        UUID[] ids = new UUID[known.size()];
        Long[] contents = new Long[known.size()];
        int i = 0;
        for (Map.Entry<UUID, Parts> card : known.entrySet()) {
            ids[i] = card.getKey();
            contents[i++] = card.getValue().content();
        }
        return pool.preparedQuery(BOARD_SQL)
                .execute(Tuple.tuple().addValue(Times.utc(from)).addValue(Times.utc(to)).addValue(technicianId).addValue(zone)
                        .addArrayOfUUID(ids).addArrayOfLong(contents))
                .map(rows -> {
                    Map<AppointmentStatus, Column> byStatus = new EnumMap<>(AppointmentStatus.class);
                    for (AppointmentStatus status : AppointmentStatus.values()) {
                        byStatus.put(status, new Column());
                    }
                    Map<UUID, Parts> cards = new HashMap<>();
                    int reused = 0;
                    long now = System.nanoTime();
                    for (Row row : rows) {
                        UUID id = row.getUUID(1);
                        Parts card;
                        if (row.getUUID(6) == null) {
                            card = known.get(id);
                            reused++;
                        } else {
                            card = Parts.of(BoardCards.json(row, 6), row.getLong(4), now);
                        }
                        cards.put(id, card);
                        Column column = byStatus.get(AppointmentStatus.valueOf(row.getString(2)));
                        column.cards.add(card.json(row.getInteger(3)));
                        column.totalCents += row.getLong(5);
                    }
                    StringBuilder columns = new StringBuilder("[");
                    for (AppointmentStatus status : AppointmentStatus.values()) {
                        Column column = byStatus.get(status);
                        if (columns.length() > 1) {
                            columns.append(',');
                        }
                        columns.append(JsonText.object()
                                .string("status", status.name())
                                .number("count", column.cards.size())
                                .number("totalCents", column.totalCents)
                                .raw("cards", "[" + String.join(",", column.cards) + "]")
                                .build());
                    }
                    return new Board(new StoredDocument(JsonText.object()
                            .string("from", from.toString())
                            .string("to", to.toString())
                            .raw("columns", columns.append(']').toString())
                            .build()), cards, reused);
                });
    }

    /** Cards of live appointments by id (for live-board events): id to card JSON. */
    public Uni<Map<UUID, String>> cards(List<UUID> ids) {
        return pool.preparedQuery(CARDS_BY_ID_SQL).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, String> cards = new HashMap<>();
            rows.forEach(row -> cards.put(row.getUUID(0), BoardCards.json(row, 0)));
            return cards;
        });
    }

    /** Cars checked in and not yet checked out, longest-waiting first. */
    public Uni<String> onPremises() {
        return pool.preparedQuery(ON_PREMISES_SQL).execute().map(rows -> {
            List<String> cards = new java.util.ArrayList<>();
            rows.forEach(row -> cards.add(BoardCards.json(row, 0)));
            return JsonText.page(cards, null);
        });
    }
}
