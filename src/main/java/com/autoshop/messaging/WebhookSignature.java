package com.autoshop.messaging;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates delivery webhooks: {@code X-Webhook-Signature} must be the HMAC-SHA256 of the raw request
 * body, keyed with WEBHOOK_SECRET (UTF-8), written as lower- or upper-case hex (64 digits), optionally
 * prefixed {@code sha256=}. The comparison takes the same time whatever the digits. Without a configured
 * secret every webhook is refused.
 */
@Singleton
public class WebhookSignature {

    public static final String HEADER = "X-Webhook-Signature";
    static final String ALGORITHM = "HmacSHA256";

    private final Optional<SecretKeySpec> key;

    public WebhookSignature(MessagingConfig config) {
        this.key = config.webhookSecret().filter(secret -> !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        if (key.isEmpty()) {
            Log.warn("WEBHOOK_SECRET is not set: delivery webhooks are refused");
        }
    }

    /** Passes when the signature is right; a missing, malformed or wrong one is 401. */
    public void verify(String signature, byte[] body) {
        if (key.isEmpty() || signature == null || !matches(key.get(), signature, body)) {
            throw new ApiProblem(ErrorCode.AUTH_REQUIRED,
                    "The webhook signature is missing or wrong: send " + HEADER + " = hex HMAC-SHA256 of the body");
        }
    }

    static boolean matches(SecretKeySpec key, String signature, byte[] body) {
        String hex = signature.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256=")) {
            hex = hex.substring("sha256=".length());
        }
        byte[] offered;
        try {
            offered = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(key, body), offered);
    }

    static byte[] sign(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
