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
import java.util.concurrent.TimeUnit;

/** Builds the reactive pool: a bounded wait queue and connect timeout, and statement observation. */
@Singleton
public class ObservedPoolCreator implements PgPoolCreator {

    static final String PLAN_CACHE_MODE = "plan_cache_mode";
    /**
     * The longest statement the client keeps prepared. Vert.x's default (2,048 characters) left the
     * read models and the move unprepared: parsed and planned on every execution, twice the database
     * time of the statement itself.
     */
    static final int STATEMENT_CACHE_SQL_LIMIT = 16 * 1024;

    private final StatementObserver observer;
    private final DatabaseConfig config;

    public ObservedPoolCreator(StatementObserver observer, DatabaseConfig config) {
        this.observer = observer;
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(config.maxWaitQueue())
                .setConnectionTimeout((int) config.connectionTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<PgConnectOptions> targets = input.pgConnectOptionsList().stream()
                .map(target -> forProxy(target).setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT))
                .toList();
        PgPool pool = PgPool.pool(input.vertx(), targets, options);
        return new ObservedPool(pool, observer);
    }

    /**
     * Behind a layer-7 proxy (PgBouncer in transaction mode) no statement stays prepared, so a plan
     * cache mode has nothing to act on, and PgBouncer closes a connection that sends it at start-up
     * ("unsupported startup parameter").
     */
    static PgConnectOptions forProxy(PgConnectOptions target) {
        if (!target.getUseLayer7Proxy() || !target.getProperties().containsKey(PLAN_CACHE_MODE)) {
            return target;
        }
        Map<String, String> properties = new HashMap<>(target.getProperties());
        properties.remove(PLAN_CACHE_MODE);
        // changed in place: PgConnectOptions' copy constructor drops the layer-7 proxy flag
        return target.setProperties(properties);
    }
}
