package com.autoshop.platform.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/** Builds the reactive pool: a bounded wait queue and connect timeout, and statement observation. */
@Singleton
public class ObservedPoolCreator implements PgPoolCreator {

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
        PgPool pool = PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
        return new ObservedPool(pool, observer);
    }
}
