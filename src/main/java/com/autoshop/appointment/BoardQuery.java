package com.autoshop.appointment;

import com.autoshop.platform.data.Times;
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
import java.util.HashSet;
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

    static final String BOARD_SQL = """
            WITH scope AS (
                SELECT id FROM appointments
                WHERE deleted_at IS NULL AND starts_at >= $1 AND starts_at < $2 AND ($3::uuid IS NULL OR technician_id = $3)
            ), """ + BoardCards.LINES + """

            SELECT (a.starts_at AT TIME ZONE $4)::date, """ + BoardCards.COLUMNS + "\n" + BoardCards.SOURCES + """

            ORDER BY 1, a.position, a.starts_at, a.id""";

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

    /** A rendered board and the appointments on it. */
    public record Board(String json, Set<UUID> appointmentIds) {
    }

    public Uni<Board> board(Instant from, Instant to, UUID technicianId, String zone) {
        return pool.preparedQuery(BOARD_SQL)
                .execute(Tuple.of(Times.utc(from), Times.utc(to), technicianId, zone))
                .map(rows -> {
                    Map<AppointmentStatus, Column> byStatus = new EnumMap<>(AppointmentStatus.class);
                    for (AppointmentStatus status : AppointmentStatus.values()) {
                        byStatus.put(status, new Column());
                    }
                    Set<UUID> ids = new HashSet<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID(1));
                        Column column = byStatus.get(AppointmentStatus.valueOf(row.getString(2)));
                        column.cards.add(BoardCards.json(row, 1));
                        column.totalCents += row.getLong(8);
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
                    return new Board(JsonText.object()
                            .string("from", from.toString())
                            .string("to", to.toString())
                            .raw("columns", columns.append(']').toString())
                            .build(), ids);
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
