package com.autoshop.auth;

import com.autoshop.platform.limits.WindowCounter;
import com.autoshop.platform.limits.WindowCounter.Count;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login throttling shared by every instance: at most {@code max} failed attempts per window per client
 * address and per account, then 429 with Retry-After until the window ends.
 * <p>
 * An attempt is counted before its password is checked (one statement for both buckets), so that
 * concurrent guesses cannot slip past the limit; a successful login then takes its own hit on the
 * address back and clears its account's count (only the account holder can log in, so clearing it
 * gives an attacker nothing, while a shared address keeps the failures of everyone behind it). A
 * refused attempt takes both hits back: it checked no password, and must not lock other accounts.
 * Trade-off: more than {@code max} logins in flight at the same instant from one address are refused
 * even when none fails.
 */
@ApplicationScoped
public class LoginThrottle {

    private final WindowCounter counter;
    private final int max;
    private final Duration window;

    public LoginThrottle(WindowCounter counter,
            @ConfigProperty(name = "autoshop.auth.login-max-failures") int max,
            @ConfigProperty(name = "autoshop.auth.login-window") Duration window) {
        this.counter = counter;
        this.max = max;
        this.window = window;
    }

    /** An attempt in progress: its hits, to be kept (failure) or taken back (success). */
    public record Attempt(List<Count> counts, String accountBucket) {
    }

    /** Counts an attempt on the account ({@code kind} "staff" or "customer") from the address; 429 when over. */
    public Uni<Attempt> begin(String kind, String email, String clientAddress) {
        String account = accountBucket(kind, email);
        return counter.hit(List.of("login:ip:" + clientAddress, account), window).chain(counts -> {
            long wait = counts.stream().filter(c -> c.hits() > max).mapToLong(Count::secondsLeft).max().orElse(0);
            if (wait == 0) {
                return Uni.createFrom().item(new Attempt(counts, account));
            }
            return counter.release(counts, List.of()).onFailure().recoverWithNull()
                    .chain(() -> Uni.createFrom().failure(tooMany(wait)));
        });
    }

    public Uni<Void> succeeded(Attempt attempt) {
        return counter.release(attempt.counts(), List.of(attempt.accountBucket()));
    }

    /** Forgets an account's failures (after an Owner set a new password for it). */
    public Uni<Void> forget(String kind, String email) {
        return counter.reset(List.of(accountBucket(kind, email)));
    }

    private static String accountBucket(String kind, String email) {
        return "login:" + kind + ":" + email;
    }

    private static ApiProblem tooMany(long seconds) {
        return new ApiProblem(ErrorCode.RATE_LIMITED, "Too many failed logins; retry in " + seconds + " seconds",
                List.of(), Map.of(), Duration.ofSeconds(seconds));
    }
}
