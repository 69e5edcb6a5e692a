package com.autoshop.overload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.platform.db.StatementObserver;
import com.autoshop.support.Fixtures;
import com.autoshop.support.LogCapture;
import com.autoshop.support.Sql;
import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Beyond capacity the service queues a bounded number of requests for a connection and refuses the
 * rest at once with 503 + Retry-After (at the door, before authentication, while the queue is full),
 * never opening more connections than configured; it serves again as soon as the load is gone. Here the
 * pool is one connection with a queue of one, and a row lock held outside the service keeps that
 * connection busy.
 */
@QuarkusTest
@TestProfile(OverloadTest.TinyPool.class)
class OverloadTest {

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1",
                    "autoshop.db.max-wait-queue", "1",
                    "autoshop.db.connection-timeout", "10S",
                    "autoshop.db.slow-statement-threshold", "500ms",
                    // background jobs would compete for the single queue slot the test reserves
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Test
    void beyondTheQueueRequestsGetAFast503AndTheServiceRecovers() throws Exception {
        LogCapture slowLog = LogCapture.of(StatementObserver.class);
        String token = Tokens.staff("Advisor");
        UUID customer = Fixtures.customer(Fixtures.unique("Overload"));
        UUID appointment = Fixtures.appointment(customer, Fixtures.vehicle(customer),
                Instant.now().plus(900 + Math.abs(System.nanoTime() % 1000), ChronoUnit.DAYS), "SCHEDULED");
        ExecutorService threads = Executors.newFixedThreadPool(24);
        try (Connection blocker = Sql.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("SELECT 1 FROM appointments WHERE id = '" + appointment + "' FOR UPDATE");
            }
            // this request takes the only connection and waits for the row lock; the next one waits in the queue
            List<Future<Response>> holders = new ArrayList<>();
            holders.add(threads.submit(() -> start(token, appointment)));
            awaitServiceBlockedOnTheLock();
            holders.add(threads.submit(() -> start(token, appointment)));
            Thread.sleep(500);
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(threads.submit(() -> {
                    long begin = System.nanoTime();
                    Response response = given().header("Authorization", Tokens.bearer(token))
                            .get("/api/appointments/" + appointment);
                    return new long[] { response.statusCode(), (System.nanoTime() - begin) / 1_000_000,
                            response.header("Retry-After") == null ? 0 : 1 };
                }));
            }
            int refusals = 0;
            for (Future<long[]> answer : answers) {
                long[] result = answer.get();
                assertThat(result[0]).as("status").isEqualTo(503);
                assertThat(result[2]).as("Retry-After present").isEqualTo(1);
                assertThat(result[1]).as("a refusal does not wait for the 10 s connection timeout").isLessThan(5000);
                refusals++;
            }
            assertThat(refusals).isEqualTo(20);
            Response anonymous = given().get("/api/appointments/" + appointment);
            assertThat(anonymous.statusCode()).as("refused at the door, before its (missing) token is looked at").isEqualTo(503);
            assertThat(anonymous.header("Retry-After")).isEqualTo("1");
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.jsonPath().getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
            given().get("/q/health/live").then().statusCode(200);
            assertThat(Sql.count(SERVICE_CONNECTIONS)).as("connections the service holds").isLessThanOrEqualTo(1);
            blocker.rollback();
            for (Future<Response> holder : holders) {
                Response response = holder.get();
                assertThat(response.statusCode()).as(response.asString()).isIn(200, 409);
            }
        } finally {
            threads.shutdownNow();
        }
        given().header("Authorization", Tokens.bearer(token)).get("/api/appointments/" + appointment).then().statusCode(200);
        slowLog.close();
        assertThat(slowLog.lines()).as("the statement that waited for the lock is logged as slow, with its route, without values")
                .anySatisfy(line -> assertThat(line).contains("slow statement", "/appointments/{id}/start", "FOR UPDATE", "$1")
                        .doesNotContain(appointment.toString()));
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("db_pool_rejected_total [1-9]");
    }

    /** This test's service in this test's database (other services may run on the same server). */
    static final String SERVICE_CONNECTIONS = "SELECT count(*) FROM pg_stat_activity "
            + "WHERE application_name = 'autoshop-service' AND datname = current_database()";

    static void awaitServiceBlockedOnTheLock() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Sql.count(SERVICE_CONNECTIONS + " AND wait_event_type = 'Lock'") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service never waited for the row lock");
    }

    static Response start(String token, UUID appointment) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                .post("/api/appointments/" + appointment + "/start");
    }
}
