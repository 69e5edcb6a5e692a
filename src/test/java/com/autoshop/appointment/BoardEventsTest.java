package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.support.LiveBoardClient;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void theStreamNeedsAStaffToken() throws Exception {
        assertThat(LiveBoardClient.status(events, null)).isEqualTo(401);
        assertThat(LiveBoardClient.status(events, Tokens.staff("Accountant"))).isEqualTo(403);
    }
}
