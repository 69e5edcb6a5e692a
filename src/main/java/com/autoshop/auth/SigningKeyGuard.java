package com.autoshop.auth;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prod profile refuses to start without its own token keys: none configured, or the committed
 * dev-only pair, stops the service before it takes traffic.
 */
@Singleton
public class SigningKeyGuard {

    static final String DEV_ONLY_MARKER = "dev-only-keys";

    private final Optional<String> signKey;
    private final Optional<String> verifyKey;

    public SigningKeyGuard(@ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKey) {
        this.signKey = signKey;
        this.verifyKey = verifyKey;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (ConfigUtils.isProfileActive("prod")) {
            check(signKey, "SMALLRYE_JWT_SIGN_KEY_LOCATION");
            check(verifyKey, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
    }

    static void check(Optional<String> location, String variable) {
        if (location.isEmpty() || location.get().isBlank()) {
            throw new IllegalStateException(variable + " must name the token key (a mounted secret) in production");
        }
        if (location.get().contains(DEV_ONLY_MARKER) || isDevKey(location.get())) {
            throw new IllegalStateException(variable + " names the dev-only key pair, which is public; "
                    + "mount a key of your own");
        }
    }

    /** Whether the file holds one of the committed dev-only keys (copied elsewhere, it is still public). */
    static boolean isDevKey(String location) {
        Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try {
            String content = Files.readString(path, StandardCharsets.US_ASCII).strip();
            return content.equals(devKey("jwt-public.pem")) || content.equals(devKey("jwt-private.pem"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String devKey(String name) throws IOException {
        try (InputStream in = SigningKeyGuard.class.getClassLoader().getResourceAsStream(DEV_ONLY_MARKER + "/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
