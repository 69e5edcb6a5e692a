package com.autoshop.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.support.LiveBoardClient;
import com.autoshop.support.PostgresDatabase;
import io.restassured.http.ContentType;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two service instances (the packaged application, prod profile, keys of their own) on one database:
 * a board change made through one reaches the live-board clients of the other, through PostgreSQL
 * LISTEN/NOTIFY. Runs in the verify phase, after packaging.
 */
class TwoInstancesBoardIT {

    static final PostgresDatabase DATABASE = new PostgresDatabase();
    static Instance first;
    static Instance second;
    static String token;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Map<String, String> db = DATABASE.start();
        Path keys = Files.createTempDirectory("autoshop-it-keys");
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(keys.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(keys.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        String url = db.get("quarkus.datasource.reactive.url").replace("postgresql://", "postgresql://"
                + db.get("quarkus.datasource.username") + ":" + db.get("quarkus.datasource.password") + "@");
        Map<String, String> env = Map.of(
                "DATABASE_URL", url,
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve("private.pem").toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toString(),
                "BOOTSTRAP_OWNER_EMAIL", "owner@it.local",
                "BOOTSTRAP_OWNER_PASSWORD", "It-owner-password-1",
                "WEBHOOK_SECRET", UUID.randomUUID().toString());
        first = Instance.start(env);
        first.awaitReady();
        second = Instance.start(env);
        second.awaitReady();
        token = given().contentType(ContentType.JSON)
                .body(Map.of("email", "owner@it.local", "password", "It-owner-password-1"))
                .post(first.url("/api/auth/login")).then().statusCode(200).extract().path("accessToken");
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
        DATABASE.stop();
    }

    @Test
    void aMoveThroughOneInstanceReachesBoardClientsOfTheOther() throws Exception {
        try (LiveBoardClient board = LiveBoardClient.connect(URI.create(second.url("/api/admin/appointments/board/events")),
                token)) {
            String customer = post(first, "/api/admin/customers", Map.of("name", "Two Instances")).path("id");
            String vehicle = post(first, "/api/admin/vehicles", Map.of("customerId", customer, "make", "Volvo")).path("id");
            String appointment = post(first, "/api/admin/appointments", Map.of("customerId", customer, "vehicleId", vehicle,
                    "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).path("id");
            assertThat(board.await("card.created", appointment, Duration.ofSeconds(10))).contains("Two Instances");

            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("status", "IN_PROGRESS", "position", 0, "version", 0))
                    .patch(first.url("/api/admin/appointments/" + appointment + "/move")).then().statusCode(200);
            assertThat(board.await("card.moved", appointment, Duration.ofSeconds(10))).contains("IN_PROGRESS");
        }
    }

    static io.restassured.response.Response post(Instance instance, String path, Map<String, ?> body) {
        var response = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post(instance.url(path));
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return response;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** One running copy of the packaged service (target/quarkus-app/quarkus-run.jar). */
    record Instance(Process process, int port, Path log) {

        static Instance start(Map<String, String> env) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("autoshop-it-" + port, ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dquarkus.http.port=" + port,
                    "-jar", new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new Instance(builder.start(), port, log);
        }

        String url(String path) {
            return "http://localhost:" + port + path;
        }

        void awaitReady() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance stopped:\n" + Files.readString(log));
                }
                try {
                    var response = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("instance not ready in 60 s:\n" + Files.readString(log));
        }

        void stop() {
            process.destroy();
        }
    }
}
