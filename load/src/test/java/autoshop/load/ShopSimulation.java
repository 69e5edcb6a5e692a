package autoshop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's day at scale, as an open workload: users arrive at a fixed rate whatever the response
 * times (no coordinated omission), each sending one request of the realistic mix below. The arrival
 * rate steps through {@code -Dsteps=200,500,1000} requests/s, {@code -Dstep.seconds} each, after an
 * optional ramp from 1 request/s to the first step over {@code -Dramp.seconds}, itself after an optional
 * silent warm-up ({@code -Dwarmup.seconds}, {@code -Dwarmup.rate}). 409 answers
 * of the writes (a stale version or an already settled balance) are deliberate and count as OK.
 *
 * <pre>
 * ../mvnw -f load/pom.xml gatling:test -Dbase.url=http://localhost:8080 \
 *     -Ddb.url=jdbc:postgresql://127.0.0.1:5432/autoshop_load -Dsteps=200,500,1000 -Dstep.seconds=60
 * </pre>
 */
public class ShopSimulation extends Simulation {

    static final String BASE = System.getProperty("base.url", "http://localhost:8080");
    static final List<Integer> STEPS = Arrays.stream(System.getProperty("steps", "200,500,1000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    static final int STEP_SECONDS = Integer.getInteger("step.seconds", 60);
    static final int RAMP_SECONDS = Integer.getInteger("ramp.seconds", 0);
    static final int P95_MS = Integer.getInteger("assert.p95", 100);
    static final int P99_MS = Integer.getInteger("assert.p99", 250);
    static final boolean MOVE_IN_PLACE = Boolean.getBoolean("move.in.place");
    static final boolean MOVE_READS_CARD = Boolean.getBoolean("move.reads.card");
    static final int WARMUP_SECONDS = Integer.getInteger("warmup.seconds", 0);
    static final int WARMUP_RATE = Integer.getInteger("warmup.rate", 100);
    /**
     * Connections opened by the silent warm-up, all at once, before its steady rate: a stall of the measured
     * run then finds idle connections in the shared pool instead of having Gatling open hundreds at that
     * moment (each a connect, a new channel on both sides; 20 -> 326 within 3 s once, with Gatling's CPU
     * doubling for 10 s). An ingress keeps such a pool of keep-alive connections to a pod the same way.
     */
    static final int WARMUP_CONNECTIONS = Integer.getInteger("warmup.connections", 0);

    final Samples samples = new Samples(System.getProperty("db.url", "jdbc:postgresql://127.0.0.1:5432/autoshop_load"),
            System.getProperty("db.user", "postgres"), System.getProperty("db.password", ""));
    final String token = login(System.getProperty("login.email", "advisor@load.autoshop"),
            System.getProperty("login.password", "advisor-load-2026"));

    final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .header("Authorization", "Bearer " + token)
            .acceptHeader("application/json")
            .acceptEncodingHeader("gzip")
            .shareConnections();

    ChainBuilder profile = feed(Samples.randomly(samples.customers)).exec(http("profile")
            .get("/api/admin/customers/#{customerId}?include=appointmentDetails").check(status().is(200)));

    ChainBuilder history = feed(Samples.randomly(samples.customers)).exec(http("history")
            .get("/api/customers/#{customerId}/history").check(status().is(200)));

    ChainBuilder list = exec(session -> session.set("day", randomDay()))
            .exec(http("appointment list").get("/api/admin/appointments?from=#{day}T00:00:00Z&to=#{day}T23:59:59Z&limit=50")
                    .check(status().is(200)));

    ChainBuilder drawer = feed(Samples.randomly(samples.appointments)).exec(http("drawer")
            .get("/api/appointments/#{appointmentId}").check(status().is(200)));

    ChainBuilder board = exec(session -> session.set("day", randomDay()))
            .exec(http("board").get("/api/admin/appointments/board?from=#{day}T00:00:00Z&to=#{day}T23:59:59Z")
                    .check(status().is(200)));

    ChainBuilder search = feed(Samples.randomly(samples.names)).exec(http("search")
            .get("/api/admin/customers?q=#{term}&limit=20").check(status().is(200)));

    ChainBuilder ownership = feed(Samples.randomly(samples.vehicles)).exec(session -> session.set("others",
            "\"" + UUID.randomUUID() + "\", \"" + UUID.randomUUID() + "\""))
            .exec(http("ownership check").post("/api/admin/vehicles/ownership")
                    .body(StringBody("{\"customerId\": \"#{customerId}\", \"vehicleIds\": [\"#{vehicleId}\", #{others}]}"))
                    .asJson().check(status().is(200)));

    /**
     * The version the app holds of each movable card, as its board shows it: drawn with the samples, then
     * taken from each move's and payment's answer. A card is taken out while its move is on its way, so two
     * users do not drag it with the same version; one with no version held (another user's drag on its way,
     * a failed move) is read first, as the app reloads a card.
     */
    final Map<String, String> versions = new ConcurrentHashMap<>();

    {
        samples.movable.forEach(card -> versions.put((String) card.get("appointmentId"), (String) card.get("version")));
    }

    /** The card as the drawer shows it: its version, and its place for a move in place. */
    ChainBuilder readCard = exec(http("move: read version").get("/api/appointments/#{appointmentId}")
            .check(status().is(200), jsonPath("$.appointment.version").saveAs("version"),
                    jsonPath("$.appointment.position").saveAs("current")));

    ChainBuilder drag = exec(session -> session.set("position", MOVE_IN_PLACE ? session.getString("current")
                    : String.valueOf(ThreadLocalRandom.current().nextInt(3))))
            .exec(http("move").patch("/api/admin/appointments/#{appointmentId}/move")
                    .body(StringBody("{\"status\": \"SCHEDULED\", \"position\": #{position}, \"version\": #{version}}"))
                    .asJson().check(status().in(200, 409).saveAs("answer"), jsonPath("$.version").optional().saveAs("moved")))
            .exec(session -> {
                if (session.contains("moved")) {
                    versions.put(session.getString("appointmentId"), session.getString("moved"));
                }
                return session.remove("moved");
            });

    /**
     * A drag and drop within the SCHEDULED column to one of its first three places, with the version the app
     * holds ({@code -Dmove.reads.card=true}: the card read first for every move, as in the first seventeen
     * reports, so that the offered rate was 1.1 times the users'); {@code -Dmove.in.place=true} drops each
     * card where it is, as read first (a move that shifts no other card, to measure what the shifts cost).
     * A 409 means another user's change raced the drag: the app reloads the card and the user
     * drags it again, so that every move still shifts its column.
     */
    ChainBuilder move = feed(Samples.randomly(samples.movable))
            .exec(session -> {
                String held = MOVE_READS_CARD || MOVE_IN_PLACE ? null : versions.remove(session.getString("appointmentId"));
                return held == null ? session.remove("version") : session.set("version", held);
            })
            .doIf(session -> !session.contains("version")).then(readCard)
            // no card read, no drag (a refused read leaves no version; the silent warm-up's reads, refused when
            // its connections open at once, do not mark the user failed, so test for the version itself)
            .doIf(session -> session.contains("version")).then(drag
                    .doIf(session -> session.contains("answer") && session.getInt("answer") == 409).then(
                            exec(session -> session.remove("version")).exec(readCard)
                                    .doIf(session -> session.contains("version")).then(drag)));

    /**
     * A payment of one cent; it changes the card's version, which the apps' live boards learn from the
     * change's announcement, and the held versions from the payment's answer.
     */
    ChainBuilder payment = feed(Samples.randomly(samples.payable))
            .exec(session -> session.set("key", UUID.randomUUID().toString()))
            .exec(http("payment").post("/api/appointments/#{appointmentId}/payments")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody("{\"amountCents\": 1, \"method\": \"card\", \"note\": \"load test\"}"))
                    .asJson().check(status().in(201, 409), jsonPath("$.appointment.version").optional().saveAs("paid")))
            .exec(session -> {
                if (session.contains("paid")) {
                    long paid = Long.parseLong(session.getString("paid"));
                    versions.computeIfPresent(session.getString("appointmentId"),
                            (card, held) -> Long.parseLong(held) < paid ? String.valueOf(paid) : held);
                }
                return session.remove("paid");
            });

    ScenarioBuilder shop = scenario("shop").exec(mix());

    /**
     * The mix sent before the measured run by {@code -Dwarmup.seconds} at {@code -Dwarmup.rate} users/s,
     * silent (left out of the report and its assertions): this JVM compiles its hot code while the
     * machine has room for it, not in the first minute of the measured run.
     */
    ScenarioBuilder warmUp = scenario("warm-up").exec(mix());

    ChainBuilder mix() {
        return exec(randomSwitch().on(
                percent(15).then(profile),
                percent(10).then(history),
                percent(15).then(list),
                percent(20).then(drawer),
                percent(10).then(board),
                percent(10).then(search),
                percent(5).then(ownership),
                percent(10).then(move),
                percent(5).then(payment)));
    }

    {
        List<OpenInjectionStep> injection = new ArrayList<>();
        if (RAMP_SECONDS > 0) {
            // both JVMs (the service's and Gatling's) start interpreted: reach the first rate gradually
            injection.add(rampUsersPerSec(1).to(STEPS.get(0)).during(Duration.ofSeconds(RAMP_SECONDS)));
        }
        for (int rate : STEPS) {
            injection.add(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP_SECONDS)));
        }
        PopulationBuilder measured = shop.injectOpen(injection).protocols(protocol);
        setUp(WARMUP_SECONDS == 0 ? measured : warmingUp().andThen(measured)).assertions(
                global().responseTime().percentile(95.0).lt(P95_MS),
                global().responseTime().percentile(99.0).lt(P99_MS),
                forAll().failedRequests().count().is(0L));
    }

    PopulationBuilder warmingUp() {
        List<OpenInjectionStep> injection = new ArrayList<>();
        if (WARMUP_CONNECTIONS > 0) {
            injection.add(atOnceUsers(WARMUP_CONNECTIONS));
        }
        injection.add(constantUsersPerSec(WARMUP_RATE).during(Duration.ofSeconds(WARMUP_SECONDS)));
        return warmUp.injectOpen(injection).protocols(protocol.silentUri(".*"));
    }

    static String randomDay() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(-30, 31)).toString();
    }

    static String login(String email, String password) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("login as " + email + " failed: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
