package com.autoshop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.autoshop.support.Fixtures;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The SMS provider's delivery receipts: no token, an HMAC-SHA256 signature of the raw body instead. */
@QuarkusTest
class DeliveryWebhookTest {

    static String sign(String body) throws Exception {
        String secret = ConfigProvider.getConfig().getValue("autoshop.messaging.webhook-secret", String.class);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** An outbound SMS handed to the provider, waiting for its receipt: [appointment, message]. */
    static UUID[] awaitingReceipt() {
        UUID appointment = Fixtures.billable(1000, "READY");
        UUID message = UUID.randomUUID();
        Sql.update("""
                INSERT INTO messages (id, appointment_id, channel, direction, body, status, attempts, provider_ref, sent_at)
                VALUES (?, ?, 'sms', 'out', 'Ready for pickup', 'sending', 1, 'SM123', now())""", message, appointment);
        return new UUID[] { appointment, message };
    }

    static Response receipt(UUID[] target, String body, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Webhook-Signature", signature);
        }
        return request.patch("/api/appointments/" + target[0] + "/messages/" + target[1]);
    }

    static String status(UUID message) {
        return (String) Sql.value("SELECT status FROM messages WHERE id = ?", message);
    }

    @Test
    void aSignedReceiptMarksTheMessageDelivered() throws Exception {
        UUID[] target = awaitingReceipt();
        String body = "{\"status\":\"delivered\",\"providerRef\":\"SM123\"}";
        receipt(target, body, sign(body)).then().statusCode(200).body("status", equalTo("delivered"))
                .body("providerRef", equalTo("SM123")).body("failureReason", nullValue()).body("sentAt", notNullValue());
        assertThat(status(target[1])).isEqualTo("delivered");
        // a provider that retries its webhook changes nothing
        receipt(target, body, sign(body)).then().statusCode(200).body("status", equalTo("delivered"));
    }

    @Test
    void aFailureReceiptKeepsItsReasonAndALateDeliveryReceiptWins() throws Exception {
        UUID[] target = awaitingReceipt();
        String failed = "{\"status\":\"failed\",\"failureReason\":\"Carrier: unreachable handset\"}";
        receipt(target, failed, "sha256=" + sign(failed).toUpperCase(Locale.ROOT)).then().statusCode(200)
                .body("status", equalTo("failed")).body("failureReason", equalTo("Carrier: unreachable handset"));
        String delivered = "{\"status\":\"delivered\"}";
        receipt(target, delivered, sign(delivered)).then().statusCode(200).body("status", equalTo("delivered"))
                .body("failureReason", nullValue());
        receipt(target, failed, sign(failed)).then().statusCode(409).body("code", equalTo("CONFLICT"));
        assertThat(status(target[1])).isEqualTo("delivered");
    }

    @Test
    void aSignedReceiptOfAnotherProviderMessageIsRefused() throws Exception {
        UUID[] target = awaitingReceipt();
        String body = "{\"status\":\"failed\",\"providerRef\":\"SM-OTHER\"}";
        receipt(target, body, sign(body)).then().statusCode(409).body("providerRef", equalTo("SM123"));
        assertThat(status(target[1])).isEqualTo("sending");
    }

    @Test
    void aMissingOrWrongSignatureIs401AndChangesNothing() throws Exception {
        UUID[] target = awaitingReceipt();
        String body = "{\"status\":\"delivered\"}";
        receipt(target, body, null).then().statusCode(401).body("code", equalTo("AUTH_REQUIRED"));
        receipt(target, body, sign(body.replace("delivered", "failed"))).then().statusCode(401);
        receipt(target, body, "not-hex").then().statusCode(401);
        receipt(target, body + " ", sign(body)).then().statusCode(401);
        assertThat(status(target[1])).isEqualTo("sending");
    }

    @Test
    void unknownMessagesAndBadBodiesAreRefusedOnceSigned() throws Exception {
        UUID[] target = awaitingReceipt();
        String body = "{\"status\":\"delivered\"}";
        receipt(new UUID[] { target[0], UUID.randomUUID() }, body, sign(body)).then().statusCode(404);
        receipt(new UUID[] { UUID.randomUUID(), target[1] }, body, sign(body)).then().statusCode(404);
        String unknownStatus = "{\"status\":\"read\"}";
        receipt(target, unknownStatus, sign(unknownStatus)).then().statusCode(400).body("errors[0].field", equalTo("status"));
        String malformed = "{\"status\":";
        receipt(target, malformed, sign(malformed)).then().statusCode(400);
        String noStatus = "{}";
        receipt(target, noStatus, sign(noStatus)).then().statusCode(400).body("errors[0].field", equalTo("status"));
        assertThat(status(target[1])).isEqualTo("sending");
    }
}
