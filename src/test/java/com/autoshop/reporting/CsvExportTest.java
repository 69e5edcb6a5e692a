package com.autoshop.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.support.Fixtures;
import com.autoshop.support.RateWindows;
import com.autoshop.support.Sql;
import com.autoshop.support.Staff;
import com.autoshop.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportTest {

    @TestHTTPResource("/api/admin/")
    URI reports;

    private static final AtomicLong DAYS = new AtomicLong(Math.abs(System.nanoTime() % 10_000));

    /** A day of its own (days 80,000 and later belong to this class). */
    static Instant freshDay() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(80_000 + DAYS.addAndGet(10), ChronoUnit.DAYS);
    }

    static Response export(String token, String report, Instant from, String status) {
        var request = given().header("Authorization", Tokens.bearer(token));
        if (from != null) {
            request.queryParam("from", from.toString()).queryParam("to", from.plus(1, ChronoUnit.DAYS).toString());
        }
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/admin/reports/" + report);
    }

    static List<String> records(Response response) {
        return List.of(response.asString().split("\r\n", -1));
    }

    @Test
    void appointmentsAreExportedWithQuotingAndNoFormulas() {
        Instant day = freshDay();
        UUID customer = Fixtures.customer("Smith, \"Jo\"");
        Sql.update("UPDATE customers SET email = '=cmd@evil.example', phone = '+15035550199' WHERE id = ?", customer);
        UUID vehicle = Fixtures.vehicle(customer);
        UUID first = Fixtures.appointment(customer, vehicle, day.plus(9, ChronoUnit.HOURS), "COMPLETED");
        Sql.update("""
                INSERT INTO appointment_services (id, appointment_id, name, price_cents, created_at)
                VALUES (gen_random_uuid(), ?, 'Oil change', 4000, now()), (gen_random_uuid(), ?, '=2+3', 2000, now() + interval '1 second')""",
                first, first);
        Sql.update("UPDATE appointments SET total_cents = 6000, paid_cents = 6000 WHERE id = ?", first);
        UUID second = Fixtures.appointment(customer, vehicle, day.plus(12, ChronoUnit.HOURS), "SCHEDULED");

        Response response = export(Staff.fresh("Accountant"), "appointments.csv", day, null);
        response.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"appointments.csv\"");
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> records = records(response);
        assertThat(records.get(0)).isEqualTo("id,status,startsAt,endsAt,totalCents,paidCents,customerName,customerEmail,"
                + "customerPhone,vehicleYear,vehicleMake,vehicleModel,vehicleVin,services");
        assertThat(records).hasSize(4).last().isEqualTo("");
        String vin = (String) Sql.value("SELECT vin FROM vehicles WHERE id = ?", vehicle);
        String start = day.plus(9, ChronoUnit.HOURS).toString().replace("Z", ".000Z");
        String end = day.plus(11, ChronoUnit.HOURS).toString().replace("Z", ".000Z");
        assertThat(records.get(1)).isEqualTo(first + ",COMPLETED," + start + "," + end + ",6000,6000,"
                + "\"Smith, \"\"Jo\"\"\",'=cmd@evil.example,+15035550199,2019,Honda,Civic," + vin + ",Oil change; =2+3");
        assertThat(records.get(2)).startsWith(second + ",SCHEDULED,").endsWith(",0,0,\"Smith, \"\"Jo\"\"\",'=cmd@evil.example,"
                + "+15035550199,2019,Honda,Civic," + vin + ",");

        List<String> completed = records(export(Staff.fresh("Owner"), "appointments.csv", day, "completed,READY"));
        assertThat(completed).hasSize(3);
        assertThat(completed.get(1)).startsWith(first.toString());
    }

    @Test
    void paymentsAreExportedVoidsIncluded() {
        Instant day = freshDay();
        UUID appointment = Fixtures.billable(9000, "COMPLETED");
        UUID payment = UUID.randomUUID();
        UUID reversal = UUID.randomUUID();
        Sql.update("""
                INSERT INTO payments (id, appointment_id, amount_cents, method, note, voids_payment_id, created_at, created_by)
                VALUES (?, ?, 5000, 'card', '@SUM(1)', NULL, ?::timestamptz, 'staff:a'),
                       (?, ?, -5000, 'card', 'wrong card', ?, ?::timestamptz, 'staff:b')""",
                payment, appointment, day.plus(1, ChronoUnit.HOURS).toString(),
                reversal, appointment, payment, day.plus(2, ChronoUnit.HOURS).toString());

        Response response = export(Staff.fresh("Advisor"), "payments.csv", day, null);
        response.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"payments.csv\"");
        assertThat(records(response)).containsExactly("id,appointmentId,amountCents,method,note,createdAt,createdBy",
                payment + "," + appointment + ",5000,card,'@SUM(1)," + day.plus(1, ChronoUnit.HOURS).toString().replace("Z", ".000Z")
                        + ",staff:a",
                reversal + "," + appointment + ",-5000,card,wrong card,"
                        + day.plus(2, ChronoUnit.HOURS).toString().replace("Z", ".000Z") + ",staff:b",
                "");
    }

    @Test
    void aLargeExportArrivesWhole() {
        Instant day = freshDay();
        UUID customer = Fixtures.customer(Fixtures.unique("Fleet"));
        UUID vehicle = Fixtures.vehicle(customer);
        Sql.update("""
                INSERT INTO appointments (id, customer_id, vehicle_id, status, starts_at, ends_at)
                SELECT gen_random_uuid(), ?, ?, 'COMPLETED', ?::timestamptz + g * interval '10 seconds',
                       ?::timestamptz + g * interval '10 seconds' + interval '5 seconds'
                FROM generate_series(0, 4999) g""", customer, vehicle, day.toString(), day.toString());
        List<String> records = records(export(Staff.fresh("Owner"), "appointments.csv", day, null));
        assertThat(records).hasSize(5002);
        assertThat(records.subList(1, 5001)).allSatisfy(record -> assertThat(record).contains(",COMPLETED,"));
    }

    @Test
    void exportsAreCompressedForClientsThatAcceptGzip() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(reports.resolve("reports/payments.csv?from=2030-01-01T00:00:00Z"))
                .header("Authorization", Tokens.bearer(Staff.fresh("Owner"))).header("Accept-Encoding", "gzip").build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var csv = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(csv.readAllBytes(), StandardCharsets.UTF_8)).startsWith("id,appointmentId,amountCents");
        }
    }

    @Test
    void fiveExportsPerUserPerHourThen429() {
        String token = Staff.fresh("Accountant");
        Instant day = freshDay();
        RateWindows.awayFromTheEnd(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            export(token, i % 2 == 0 ? "payments.csv" : "appointments.csv", day, null).then().statusCode(200);
        }
        Response refused = export(token, "payments.csv", day, null);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("Content-Disposition")).isNull();
        export(Staff.fresh("Accountant"), "payments.csv", day, null).then().statusCode(200);
    }

    @Test
    void rolesAndBadParametersAreRefused() {
        export(Tokens.staff("Tech"), "appointments.csv", null, null).then().statusCode(403);
        given().get("/api/admin/reports/payments.csv").then().statusCode(401);
        export(Staff.fresh("Owner"), "appointments.csv", null, "DONE").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", Tokens.bearer(Tokens.staff("Owner"))).queryParam("from", "2030-01-02T00:00:00Z")
                .queryParam("to", "2030-01-01T00:00:00Z").get("/api/admin/reports/payments.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }
}
