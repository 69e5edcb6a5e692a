package com.autoshop.platform.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the reactive pool: a bounded wait queue and connect timeout, and statement observation. */
@Singleton
public class ObservedPoolCreator implements PgPoolCreator {

    /** Session settings sent at start-up, which PgBouncer refuses ("unsupported startup parameter"). */
    static final Set<String> SESSION_SETTINGS = Set.of("plan_cache_mode", "jit");
    /**
     * The longest statement the client keeps prepared. Vert.x's default (2,048 characters) left the
     * read models and the move unprepared: parsed and planned on every execution, twice the database
     * time of the statement itself.
     */
    static final int STATEMENT_CACHE_SQL_LIMIT = 16 * 1024;

    private final StatementObserver observer;
    private final DatabaseConfig config;
    private final ConnectionWaiters waiters;

    public ObservedPoolCreator(StatementObserver observer, DatabaseConfig config, ConnectionWaiters waiters) {
        this.observer = observer;
        this.config = config;
        this.waiters = waiters;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = poolOptions(input.poolOptions(), config.maxWaitQueue());
        List<PgConnectOptions> targets = input.pgConnectOptionsList().stream()
                .map(target -> forProxy(target).setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT))
                .toList();
        PgPool pool = PgPool.pool(input.vertx(), targets, options);
        return new ObservedPool(pool, observer, input.vertx(), config.connectionTimeout().toMillis(), waiters);
    }

    /** A bounded wait queue and no timeout of the pool's own: {@link ObservedPool} keeps it ({@link DeadlineAcquire} says why). */
    static PoolOptions poolOptions(PoolOptions configured, int maxWaitQueue) {
        return new PoolOptions(configured).setMaxWaitQueueSize(maxWaitQueue).setConnectionTimeout(0);
    }

    /**
     * PgBouncer closes a connection that sends a session setting at start-up ("unsupported startup
     * parameter"): behind a layer-7 proxy the settings are the database role's (README, PgBouncer).
     */
    static PgConnectOptions forProxy(PgConnectOptions target) {
        if (!target.getUseLayer7Proxy() || SESSION_SETTINGS.stream().noneMatch(target.getProperties()::containsKey)) {
            return target;
        }
        Map<String, String> properties = new HashMap<>(target.getProperties());
        properties.keySet().removeAll(SESSION_SETTINGS);
        // changed in place: PgConnectOptions' copy constructor drops the layer-7 proxy flag
        return target.setProperties(properties);
    }
}
