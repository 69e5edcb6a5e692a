package com.autoshop.reporting;

import com.autoshop.auth.Roles;
import com.autoshop.platform.time.ShopClock;
import com.autoshop.platform.time.TimeRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class DashboardResource {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final DashboardStats stats;
    private final ShopClock clock;

    public DashboardResource(DashboardStats stats, ShopClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * jobsToday, carsOnPremises, appointments and byStatus (appointments starting in [from, to)), unpaid (READY and
     * COMPLETED appointments of the range: total - paid), outstanding (the same over all time), collectedCents
     * (payments of the range). The range defaults to today in the shop's time zone. Cached up to 5 minutes; any
     * change of appointments or payments refreshes it.
     */
    @GET
    @Path("/stats")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> stats(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        TimeRange range = TimeRange.orToday(from, to, clock, MAX_RANGE, "the dashboard covers at most 366 days");
        LocalDate today = clock.today();
        return stats.stats(range.from(), range.to(), clock.startOf(today), clock.startOf(today.plusDays(1)));
    }
}
