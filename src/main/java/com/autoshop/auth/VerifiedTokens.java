package com.autoshop.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens this instance has verified, kept by their exact text until they expire. An app sends
 * the same token with every request for up to an hour, and checking its RS256 signature and parsing its
 * claims again each time was about a tenth of the service's CPU per request. A token is only ever taken
 * from here if the very same text was verified before and has not expired since; whether its account is
 * still active is checked on every request all the same ({@link ActiveAccountCheck}).
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    /** Enough for every token in use on one instance; an evicted one is merely verified again. */
    static final int CAPACITY = 10_000;

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals) {
        this(new DefaultJWTParser(context, principals), Clock.systemUTC());
    }

    VerifiedTokens(DefaultJWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(CAPACITY).expireAfter(new UntilExpiry(clock)).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    private boolean expired(JsonWebToken token) {
        return clock.millis() >= TimeUnit.SECONDS.toMillis(token.getExpirationTime());
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** An entry lives until its token's expiry. */
    private record UntilExpiry(Clock clock) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken value, long currentTime) {
            long left = TimeUnit.SECONDS.toMillis(value.getExpirationTime()) - clock.millis();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, left));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(token, value, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
