package com.autoshop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** A token is verified once and then served from memory until it expires; nothing else is. */
@QuarkusTest
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesThroughTheCache() {
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(NOW.plusSeconds(3600));
        VerifiedTokens tokens = new VerifiedTokens(verifier, MutableClock.at(NOW));

        JsonWebToken first = tokens.parse("token-a");
        JsonWebToken second = tokens.parse("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("token-a");
    }

    @Test
    void anotherTextIsVerifiedOnItsOwn() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(NOW.plusSeconds(3600));
        VerifiedTokens tokens = new VerifiedTokens(verifier, MutableClock.at(NOW));

        tokens.parse("token-a");
        verifier.refuse = true;

        assertThatThrownBy(() -> tokens.parse("token-a-tampered")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("token-a", "token-a-tampered");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() throws ParseException {
        CountingVerifier verifier = new CountingVerifier(NOW.plusSeconds(60));
        MutableClock clock = MutableClock.at(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
        tokens.parse("token-a");

        clock.now = NOW.plusSeconds(60);
        verifier.refuse = true;

        assertThatThrownBy(() -> tokens.parse("token-a")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("token-a", "token-a");
    }

    /** Stands in for the signature check: records what it was asked, answers a token expiring at {@code expiry}. */
    static final class CountingVerifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();
        final Instant expiry;
        boolean refuse;

        CountingVerifier(Instant expiry) {
            this.expiry = expiry;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (refuse) {
                throw new ParseException("refused");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("someone");
            claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        static MutableClock at(Instant now) {
            MutableClock clock = new MutableClock();
            clock.now = now;
            return clock;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
