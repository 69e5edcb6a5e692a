package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentWorkflowTest.as;
import static com.autoshop.appointment.AppointmentWorkflowTest.book;
import static com.autoshop.appointment.AppointmentWorkflowTest.freshDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.appointment.AppointmentWorkflowTest.Car;
import com.autoshop.platform.events.LocalWrite;
import com.autoshop.platform.http.StoredDocumentTest;
import com.autoshop.support.Announcements;
import com.autoshop.support.Sql;
import com.autoshop.support.Staff;
import com.autoshop.support.Statements;
import com.autoshop.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Boards answered from memory: the second read sends no statement; a write through this instance is on
 * the next read at once; a change made elsewhere arrives with its notification and drops only the
 * boards whose range it reaches.
 */
@QuarkusTest
@TestProfile(BoardCacheTest.CacheOn.class)
class BoardCacheTest {

    @Inject
    Event<LocalWrite> writes;

    @Inject
    BoardCache cache;

    @Inject
    BoardQuery query;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/api/")
    URI api;

    @ConfigProperty(name = "autoshop.shop-time-zone")
    String zone;

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autoshop.board.cache-ttl", "60S");
        }
    }

    static Response board(Instant day) {
        return board(day, day.plus(1, ChronoUnit.DAYS));
    }

    static Response board(Instant from, Instant to) {
        return as("Advisor").queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/admin/appointments/board");
    }

    /** A new appointment, once its announcement has reached this instance (it would drop boards read before). */
    static String booked(Instant day, int hour) {
        Car car = Car.create();
        String id = book(car.customer(), car.vehicle(), null, day.plus(hour, ChronoUnit.HOURS), Map.of()).path("id");
        Announcements.awaitRelayed(id);
        return id;
    }

    /** Reads the board until it satisfies {@code condition} (a notification arrives a moment after the change). */
    static Response eventually(Instant day, Predicate<Response> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response response = board(day);
        while (!condition.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = board(day);
        }
        return response;
    }

    @Test
    void theSecondReadIsAnsweredFromMemory() {
        Instant day = freshDay(0);
        String id = booked(day, 8);

        Response first = board(day);
        Response second = board(day);

        assertThat(Statements.of(first)).isEqualTo(1);
        assertThat(Statements.of(second)).isZero();
        assertThat(second.jsonPath().getList("columns[0].cards.id")).containsExactly(id);
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void aWriteThroughThisInstanceIsOnTheNextReadAtOnce() {
        Instant day = freshDay(0);
        String first = booked(day, 8);
        String second = booked(day, 9);
        board(day);

        long version = as("Advisor").get("/api/appointments/" + second).then().extract().jsonPath().getLong("appointment.version");
        as("Advisor").body(Map.of("status", "SCHEDULED", "position", 0, "version", version))
                .patch("/api/admin/appointments/" + second + "/move").then().statusCode(200);

        assertThat(board(day).jsonPath().getList("columns[0].cards.id")).containsExactly(second, first);

        as("Advisor").delete("/api/admin/appointments/" + first).then().statusCode(204);
        assertThat(board(day).jsonPath().getList("columns[0].cards.id")).containsExactly(second);

        String third = booked(day, 10);
        assertThat(board(day).jsonPath().getList("columns[0].cards.id")).containsExactly(second, third);
    }

    private double cards(String source) {
        return registry.counter("board.cards", "source", source).count();
    }

    @Test
    void aMoveReadsAgainOnlyTheCardItChangedAndTheBoardIsTheDatabases() {
        Instant day = freshDay(0);
        String first = booked(day, 8);
        String second = booked(day, 9);
        String third = booked(day, 10);
        board(day);
        double kept = cards("kept");
        double read = cards("database");

        long version = as("Advisor").get("/api/appointments/" + third).then().extract().jsonPath().getLong("appointment.version");
        as("Advisor").body(Map.of("status", "SCHEDULED", "position", 0, "version", version))
                .patch("/api/admin/appointments/" + third + "/move").then().statusCode(200);
        Response after = board(day);

        assertThat(Statements.of(after)).isEqualTo(1);
        assertThat(after.jsonPath().getList("columns[0].cards.id")).containsExactly(third, first, second);
        assertThat(after.jsonPath().getList("columns[0].cards.position")).containsExactly(0, 1, 2);
        assertThat(cards("kept") - kept).as("the shifted cards").isEqualTo(2);
        assertThat(cards("database") - read).as("the moved card").isEqualTo(1);
        String fromTheDatabase = query.board(day, day.plus(1, ChronoUnit.DAYS), null, zone, Map.of())
                .await().atMost(Duration.ofSeconds(5)).document().json();
        assertThat(after.body().asString()).isEqualTo(fromTheDatabase);
    }

    @Test
    void aCachedBoardGoesOutGzipEncodedAsStoredWithItsEtag() throws Exception {
        Instant day = freshDay(0);
        booked(day, 9);
        Response plain = board(day);
        String token = Staff.fresh("Advisor");
        HttpResponse<byte[]> first = send(boardRequest(day, token).header("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> second = send(boardRequest(day, token).header("Accept-Encoding", "gzip"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(first.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        assertThat(first.headers().firstValue("Content-Length")).as("sent as stored, not compressed on the way out")
                .contains(String.valueOf(first.body().length));
        assertThat(first.headers().firstValue("ETag")).contains(plain.header("ETag"));
        assertThat(StoredDocumentTest.gunzip(first.body())).isEqualTo(plain.body().asString());
        assertThat(second.headers().firstValue("Server-Timing")).hasValueSatisfying(timing -> assertThat(timing).contains("desc=\"0 statements\""));
        assertThat(second.body()).isEqualTo(first.body());
        HttpResponse<byte[]> refused = send(boardRequest(day, token).header("Accept-Encoding", "gzip;q=0"));
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain.body().asString());
    }

    private HttpRequest.Builder boardRequest(Instant day, String token) {
        return HttpRequest.newBuilder(api.resolve("admin/appointments/board?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .header("Authorization", Tokens.bearer(token));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCardChangedBehindTheServicesBackWithoutANewVersionIsReadAgain() throws InterruptedException {
        Response after = afterATitleChangedElsewhere("Edited by hand", false);
        assertThat((String) after.path("columns[0].cards[0].title")).isEqualTo("Edited by hand");
    }

    /** A card's title changed in the database, not through the service, once the board shows it (or gave up). */
    static Response afterATitleChangedElsewhere(String title, boolean newVersion) throws InterruptedException {
        Instant day = freshDay(0);
        String id = booked(day, 8);
        board(day);

        Sql.update("UPDATE appointments SET title = ?" + (newVersion ? ", version = version + 1" : "") + " WHERE id = ?::uuid",
                title, id);

        return eventually(day, response -> title.equals(response.path("columns[0].cards[0].title")));
    }

    /** No database change here, so no notification: only the local write signal can drop the board. */
    @Test
    void aLocalWriteDropsTheBoardsItMayHaveChangedBeforeItsAnswerLeaves() {
        Instant day = freshDay(0);
        String id = booked(day, 8);
        board(day);

        writes.fire(new LocalWrite("POST", "/appointments/" + UUID.randomUUID() + "/payments"));
        assertThat(Statements.of(board(day))).as("another appointment's payment").isZero();

        Car car = Car.create();
        as("Advisor").body(Map.of("customerId", car.customer(), "vehicleIds", List.of(car.vehicle())))
                .post("/api/admin/vehicles/ownership").then().statusCode(200);
        assertThat(Statements.of(board(day))).as("an ownership check, a POST that changes nothing").isZero();

        writes.fire(new LocalWrite("PATCH", "/admin/appointments/" + id + "/move"));
        assertThat(Statements.of(board(day))).as("a move of a card on the board").isEqualTo(1);

        writes.fire(new LocalWrite("PATCH", "/appointments/" + UUID.randomUUID()));
        assertThat(Statements.of(board(day))).as("a reschedule, which may bring a card onto the day").isEqualTo(1);

        writes.fire(new LocalWrite("POST", "/admin/appointments"));
        assertThat(Statements.of(board(day))).as("a new appointment").isEqualTo(1);

        writes.fire(new LocalWrite("PATCH", "/customers/" + UUID.randomUUID()));
        assertThat(Statements.of(board(day))).as("a customer change").isEqualTo(1);
    }

    /** A notification without a readable span may reach any board: all are dropped. */
    @Test
    void aNotificationWithoutASpanDropsEveryBoard() {
        Instant day = freshDay(0);
        booked(day, 8);
        board(day);

        cache.onChange(new JsonObject().put("kind", "appointments").put("from", "yesterday").put("to", 7));

        assertThat(Statements.of(board(day))).isEqualTo(1);
    }

    /** An update announces its card's start alone; the cards its move shifted are on the same shop day. */
    @Test
    void aChangeReachesTheBoardsOfTheRestOfItsDay() {
        Instant day = freshDay(0);
        booked(day, 14);
        Instant noon = day.plus(12, ChronoUnit.HOURS);
        Instant evening = day.plus(18, ChronoUnit.HOURS);
        assertThat(board(noon, evening).jsonPath().getList("columns[0].cards")).hasSize(1);

        String morning = day.plus(8, ChronoUnit.HOURS).toString();
        cache.onChange(new JsonObject().put("kind", "appointments").put("op", "UPDATE").put("from", morning).put("to", morning));

        assertThat(Statements.of(board(noon, evening))).isEqualTo(1);
    }

    @Test
    void aChangeMadeElsewhereArrivesWithItsNotification() throws InterruptedException {
        Response after = afterATitleChangedElsewhere("Changed elsewhere", true);
        assertThat((String) after.path("columns[0].cards[0].title")).isEqualTo("Changed elsewhere");
    }

    @Test
    void aRenamedCustomerReachesEveryBoard() throws InterruptedException {
        Instant day = freshDay(0);
        Car car = Car.create();
        book(car.customer(), car.vehicle(), null, day.plus(8, ChronoUnit.HOURS), Map.of());
        board(day);

        Sql.update("UPDATE customers SET name = 'Renamed Elsewhere' WHERE id = ?::uuid", car.customer().toString());

        Response after = eventually(day, response -> "Renamed Elsewhere".equals(response.path("columns[0].cards[0].customerName")));
        assertThat((String) after.path("columns[0].cards[0].customerName")).isEqualTo("Renamed Elsewhere");
    }

    @Test
    void aChangeOnAnotherDayKeepsTheBoard() throws InterruptedException {
        Instant kept = freshDay(0);
        Instant changed = freshDay(0);
        booked(kept, 8);
        String other = booked(changed, 8);
        board(kept);
        board(changed);

        Sql.update("UPDATE appointments SET title = 'Other day', version = version + 1 WHERE id = ?::uuid", other);
        // the other day's board changing proves the notification has been handled
        eventually(changed, response -> "Other day".equals(response.path("columns[0].cards[0].title")));

        assertThat(Statements.of(board(kept))).isZero();
        assertThat(List.of(kept, changed)).doesNotHaveDuplicates();
    }
}
