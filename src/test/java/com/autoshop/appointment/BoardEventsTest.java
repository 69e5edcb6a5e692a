package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static com.autoshop.appointment.AppointmentWorkflowTest.move;
import static com.autoshop.appointment.AppointmentWorkflowTest.positions;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.support.LiveBoardClient;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardEventsTest {

    @TestHTTPResource("/api/admin/appointments/board/events")
    URI events;

    @Test
    void clientsSeeCardsCreatedMovedChangedAndRemoved() throws Exception {
        try (LiveBoardClient client = LiveBoardClient.connect(events, Tokens.staff("Tech"))) {
            Car car = Car.create();
            String id = book(car.customer(), car.vehicle(), null, freshDay(9), Map.of()).path("id");
            assertThat(client.await("card.created", id, Duration.ofSeconds(10))).contains("\"customerName\"");

            as("Tech").post("/api/appointments/" + id + "/start").then().statusCode(200);
            assertThat(client.await("card.moved", id, Duration.ofSeconds(10))).contains("IN_PROGRESS");

            as("Advisor").body(Map.of("title", "Renamed")).patch("/api/appointments/" + id).then().statusCode(200);
            assertThat(client.await("card.changed", id, Duration.ofSeconds(10))).contains("Renamed");

            // a change made outside the service (another instance, a tool) reaches the board too
            Sql.update("UPDATE appointments SET deleted_at = now() WHERE id = ?::uuid", id);
            assertThat(client.await("card.removed", id, Duration.ofSeconds(10))).contains(id);
        }
    }

    /** The cards a move shifts follow from the moved card's old and new place: they are not announced. */
    @Test
    void aMoveAnnouncesTheMovedCardAlone() throws Exception {
        try (LiveBoardClient client = LiveBoardClient.connect(events, Tokens.staff("Tech"))) {
            Car car = Car.create();
            Instant day = freshDay(8);
            List<JsonPath> cards = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cards.add(book(car.customer(), car.vehicle(), null, day.plus(3L * i, ChronoUnit.HOURS), Map.of())
                        .then().statusCode(201).extract().jsonPath());
            }
            String first = cards.get(0).getString("id");
            String second = cards.get(1).getString("id");
            String last = cards.get(2).getString("id");
            client.await("card.created", last, Duration.ofSeconds(10));

            move(last, "SCHEDULED", 0, cards.get(2).getLong("version")).then().statusCode(200);
            List<LiveBoardClient.Event> seen = new ArrayList<>(client.until("card.moved", last, Duration.ofSeconds(10)));
            // a later change, so that anything the move announced has arrived before it
            as("Advisor").body(Map.of("title", "After the move")).patch("/api/appointments/" + first).then().statusCode(200);
            seen.addAll(client.until("card.changed", first, Duration.ofSeconds(10)));

            assertThat(seen).filteredOn(event -> event.data().contains(first) || event.data().contains(second))
                    .extracting(LiveBoardClient.Event::name).containsOnly("card.changed");
            assertThat(seen).extracting(LiveBoardClient.Event::name).doesNotContain("board.reload");
            assertThat(positions(last, first, second)).containsExactly("SCHEDULED:0", "SCHEDULED:1", "SCHEDULED:2");
        }
    }

    /** On a busy day a move to the top shifts more cards than a notification lists: still one event, no reload. */
    @Test
    void aMoveThatShiftsManyCardsIsOneEvent() throws Exception {
        try (LiveBoardClient client = LiveBoardClient.connect(events, Tokens.staff("Tech"))) {
            Car car = Car.create();
            Instant day = freshDay(0);
            Sql.update("""
                    INSERT INTO appointments (id, customer_id, vehicle_id, starts_at, ends_at, title, position)
                    SELECT gen_random_uuid(), ?, ?, ?::timestamptz + i * interval '15 minutes',
                           ?::timestamptz + (i + 1) * interval '15 minutes', 'Card ' || i, i
                    FROM generate_series(0, 79) AS i""", car.customer(), car.vehicle(), day.toString(), day.toString());
            // one statement wrote 80 cards: the boards of that day are told to reload, with the span
            String reload = client.await("board.reload", day.toString().substring(0, 10), Duration.ofSeconds(10));
            assertThat(reload).contains("\"from\"", "\"to\"");
            UUID lastCard = (UUID) Sql.value("SELECT id FROM appointments WHERE vehicle_id = ? AND position = 79", car.vehicle());
            String last = lastCard.toString();

            move(last, "SCHEDULED", 0, 0).then().statusCode(200);
            List<LiveBoardClient.Event> seen = client.until("card.moved", last, Duration.ofSeconds(10));

            assertThat(seen).extracting(LiveBoardClient.Event::name).doesNotContain("board.reload");
            assertThat(Sql.value("SELECT position FROM appointments WHERE vehicle_id = ? AND title = 'Card 0'", car.vehicle()))
                    .isEqualTo(1);
        }
    }

    @Test
    void theStreamNeedsAStaffToken() throws Exception {
        assertThat(LiveBoardClient.status(events, null)).isEqualTo(401);
        assertThat(LiveBoardClient.status(events, Tokens.staff("Accountant"))).isEqualTo(403);
    }
}
