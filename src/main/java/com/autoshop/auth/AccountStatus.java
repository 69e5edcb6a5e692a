package com.autoshop.auth;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.logging.Log;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current role of an account, or null when it may no longer use its tokens (deactivated, or a
 * deleted customer). Kept per instance in the "account-status" cache: an entry older than
 * {@code refresh-after} is served once more while it is reloaded in the background (on the event
 * loop's root context, outside the request, which neither waits for nor counts that statement); an
 * entry nobody asked for during the cache's expire-after-write (at most 30 s) is gone, and the next
 * request loads it again (one statement, counted in its budget). A change is thus seen within
 * 30 s on every instance, and at once on the instance that made it ({@link #forget}).
 */
@Singleton
public class AccountStatus {

    static final String STAFF_SQL = "SELECT role FROM users WHERE id = $1 AND active";
    static final String CUSTOMER_SQL = """
            SELECT 'Customer' FROM customer_accounts a JOIN customers c ON c.id = a.customer_id
            WHERE a.customer_id = $1 AND a.active AND c.deleted_at IS NULL""";

    private final Pool pool;
    private final Cache cache;
    private final long refreshAfterNanos;
    private final Set<Account> refreshing = ConcurrentHashMap.newKeySet();

    public AccountStatus(Pool pool, @CacheName("account-status") Cache cache,
            @ConfigProperty(name = "autoshop.auth.account-check.refresh-after") Duration refreshAfter) {
        this.pool = pool;
        this.cache = cache;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    /** A staff user's or a customer's account, as a token's subject names it. */
    public record Account(boolean customer, UUID id) {

        public static Account staff(UUID id) {
            return new Account(false, id);
        }

        public static Account customer(UUID id) {
            return new Account(true, id);
        }
    }

    private record Status(String role, long loadedAt) {
    }

    /** The account's role if it is active; null if it is not (or does not exist). */
    public Uni<String> role(Account account) {
        CompletableFuture<Status> cached = caffeine().getIfPresent(account);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            Status status = cached.join();
            if (System.nanoTime() - status.loadedAt() > refreshAfterNanos) {
                refreshInBackground(account);
            }
            return Uni.createFrom().item(status.role());
        }
        return load(account).map(Status::role);
    }

    /** Drops what this instance knows of the account, after a change to it committed. */
    public Uni<Void> forget(Account account) {
        return cache.invalidate(account);
    }

    private Uni<Status> load(Account account) {
        return pool.preparedQuery(account.customer() ? CUSTOMER_SQL : STAFF_SQL).execute(Tuple.of(account.id()))
                .map(rows -> new Status(rows.size() == 0 ? null : rows.iterator().next().getString(0), System.nanoTime()))
                .invoke(status -> caffeine().put(account, CompletableFuture.completedFuture(status)));
    }

    private void refreshInBackground(Account account) {
        if (!refreshing.add(account)) {
            return;
        }
        Runnable refresh = () -> load(account).subscribe().with(
                status -> refreshing.remove(account),
                failure -> {
                    refreshing.remove(account);
                    Log.debugf("account status refresh failed, the cached one stays until it expires: %s",
                            failure.getMessage());
                });
        Context context = Vertx.currentContext();
        if (context == null) {
            refresh.run();
        } else {
            VertxContext.getRootContext(context).runOnContext(ignored -> refresh.run());
        }
    }

    private CaffeineCache caffeine() {
        return cache.as(CaffeineCache.class);
    }
}
