package com.autoshop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.autoshop.platform.limits.CounterPurge;
import com.autoshop.support.Accounts;
import com.autoshop.support.Fixtures;
import com.autoshop.support.RateWindows;
import com.autoshop.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five failed logins per 15 minutes per client address and per account, then 429 with Retry-After;
 * counters live in PostgreSQL so that every instance sees them. The client address is the
 * X-Forwarded-For one the ingress sends.
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    CounterPurge purge;

    static String staffAccount() {
        return Accounts.staffAccount("Advisor");
    }

    static Response staffLogin(String address, String email, String password) {
        return Accounts.login("/api/auth/login", address, email, password);
    }

    @BeforeEach
    void notAtTheEndOfAWindow() {
        RateWindows.awayFromTheEnd(RateWindows.login());
    }

    @Test
    void theSixthAttemptOnAnAccountIsRefusedWhateverTheAddress() {
        String email = staffAccount();
        for (int i = 0; i < 5; i++) {
            staffLogin(Fixtures.address(), email, "Wrong-guess-" + i).then().statusCode(401);
        }
        Response refused = staffLogin(Fixtures.address(), email, Accounts.OWNER_PASSWORD);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 900);
        // another account is not affected
        staffLogin(Fixtures.address(), staffAccount(), Accounts.OWNER_PASSWORD).then().statusCode(200);
    }

    @Test
    void theSixthAttemptFromAnAddressIsRefusedWhateverTheAccount() {
        String address = Fixtures.address();
        for (int i = 0; i < 5; i++) {
            staffLogin(address, "nobody-" + i + "@shop.test", "Wrong-guess-1").then().statusCode(401);
        }
        String email = staffAccount();
        staffLogin(address, email, Accounts.OWNER_PASSWORD).then().statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));
        // the bucket is keyed by the X-Forwarded-For address, which is what Vert.x reports as the remote address
        assertThat(Sql.count("SELECT hits FROM rate_limit_counters WHERE bucket = ?", "login:ip:" + address)).isEqualTo(5);
        // a refused attempt checked no password and costs the account nothing
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = ? AND hits > 0",
                "login:staff:" + email)).isZero();
        staffLogin(Fixtures.address(), email, Accounts.OWNER_PASSWORD).then().statusCode(200);
    }

    @Test
    void aSuccessClearsTheAccountsFailuresButNotTheAddresss() {
        String address = Fixtures.address();
        String email = staffAccount();
        for (int i = 0; i < 4; i++) {
            staffLogin(address, email, "Wrong-guess-" + i).then().statusCode(401);
        }
        staffLogin(address, email, Accounts.OWNER_PASSWORD).then().statusCode(200);
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = ?", "login:staff:" + email)).isZero();
        assertThat(Sql.count("SELECT hits FROM rate_limit_counters WHERE bucket = ?", "login:ip:" + address)).isEqualTo(4);
        staffLogin(address, "someone-else@shop.test", "Wrong-guess-9").then().statusCode(401);
        staffLogin(address, email, Accounts.OWNER_PASSWORD).then().statusCode(429);
    }

    @Test
    void theAddressIsTheFirstXForwardedForEntry() {
        String client = Fixtures.address();
        String proxy = Fixtures.address();
        staffLogin(client + ", " + proxy, "nobody@shop.test", "Wrong-guess-1").then().statusCode(401);
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = ?", "login:ip:" + client)).isOne();
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = ?", "login:ip:" + proxy)).isZero();
    }

    @Test
    void expiredCountersArePurged() {
        Sql.update("""
                INSERT INTO rate_limit_counters (bucket, window_start, hits, expires_at)
                VALUES ('test:expired', now() - interval '1 hour', 3, now() - interval '45 minutes'),
                       ('test:live', now(), 3, now() + interval '10 minutes')""");
        purge.purge().await().indefinitely();
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = 'test:expired'")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM rate_limit_counters WHERE bucket = 'test:live'")).isOne();
    }
}
