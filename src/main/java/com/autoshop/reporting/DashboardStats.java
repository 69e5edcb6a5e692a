package com.autoshop.reporting;

import com.autoshop.platform.events.DatabaseEvents;
import com.autoshop.platform.events.LocalWrite;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;

/**
 * The dashboard figures, cached per instance (Caffeine, 5 minutes, per range and shop day). The cache is
 * dropped whenever the figures may have changed: on every instance when the database announces a change of
 * appointments or payments (LISTEN autoshop_events, or a resync after the listener reconnected), and on
 * this instance, before the answer of a successful write leaves ({@link LocalWrite}), so whoever changed
 * something sees it in their next call; other instances see it as soon as the notification arrives.
 */
@Singleton
public class DashboardStats {

    public static final String CACHE = "dashboard-stats";
    static final Set<String> KINDS = Set.of("appointments", "payments", DatabaseEvents.RESYNC);

    private final DashboardQuery query;
    private final Cache cache;
    private final DatabaseEvents database;

    public DashboardStats(DashboardQuery query, @CacheName(CACHE) Cache cache, DatabaseEvents database) {
        this.query = query;
        this.cache = cache;
        this.database = database;
    }

    record Key(Instant from, Instant to, Instant todayStart) {
    }

    public Uni<String> stats(Instant from, Instant to, Instant todayStart, Instant todayEnd) {
        return cache.getAsync(new Key(from, to, todayStart), key -> query.load(from, to, todayStart, todayEnd));
    }

    void start(@Observes StartupEvent event) {
        database.follow("the dashboard cache", change -> KINDS.contains(change.getString("kind"))
                ? cache.invalidateAll()
                : Uni.createFrom().voidItem(), this::invalidate);
    }

    void onLocalWrite(@Observes LocalWrite write) {
        invalidate();
    }

    private void invalidate() {
        cache.invalidateAll().subscribe().with(ignored -> {
        }, failure -> Log.warnf("could not drop the dashboard cache: %s", failure.getMessage()));
    }
}
