package com.autoshop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.autoshop.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What orchestrators and operators rely on: probes, metrics, the OpenAPI contract, /version. */
@QuarkusTest
class OperationsTest {

    static final Path CHECKED_IN_OPENAPI = Path.of("openapi.yaml");

    @Test
    void probesAnswerAndReadinessChecksTheSchema() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.data.migrationsApplied", equalTo(true));
    }

    @Test
    void metricsExposeLatencyHistogramsStatementCountsAndPoolFigures() {
        given().header("Authorization", Tokens.bearer(Tokens.staff("Advisor"))).get("/api/admin/customers")
                .then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{")
                .contains("http_server_sql_statements_count{method=\"GET\",uri=\"/admin/customers\"}")
                .contains("db_statement_seconds_count{")
                .contains("sql_pool_active")
                .contains("sql_pool_rejected_total");
    }

    @Test
    void versionSaysWhatIsRunning() {
        given().get("/version").then().statusCode(200).body("name", equalTo("autoshop-service"))
                .body("version", notNullValue());
    }

    /**
     * The served OpenAPI document is the checked-in openapi.yaml: clients are generated from the file,
     * so a change to the API must change the file in the same commit. To refresh it after an intended
     * change: {@code ./mvnw test -Dtest=OperationsTest -Dopenapi.update=true}.
     */
    @Test
    void servedOpenApiDocumentMatchesTheCheckedInOne() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN_OPENAPI, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CHECKED_IN_OPENAPI, StandardCharsets.UTF_8))
                .as("openapi.yaml is out of date; see this test's comment").isEqualTo(served);
    }
}
