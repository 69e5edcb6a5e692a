package com.autoshop.appointment;

import com.autoshop.auth.Roles;
import com.autoshop.platform.data.Limits;
import com.autoshop.platform.json.JsonText;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AdminAppointmentResource {

    private final AppointmentListQuery list;

    public AdminAppointmentResource(AppointmentListQuery list) {
        this.list = list;
    }

    /**
     * Appointment rows with customer name and vehicle label. {@code status} takes one status or a
     * comma-separated list; {@code order} is {@code asc} (default, by start) or {@code desc}.
     */
    @GET
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.TECH, Roles.ACCOUNTANT })
    public Uni<String> list(@QueryParam("status") String status, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("technicianId") UUID technicianId, @QueryParam("q") String q,
            @QueryParam("order") String order, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        var filter = new AppointmentListQuery.Filter(statuses(status), from, to, technicianId, q, descending(order),
                Limits.pageSize(limit), cursor);
        return list.list(filter).map(page -> JsonText.page(page.items(), page.nextCursor()));
    }

    static Set<AppointmentStatus> statuses(String value) {
        Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
        if (value == null || value.isBlank()) {
            return statuses;
        }
        for (String part : value.split(",")) {
            try {
                statuses.add(AppointmentStatus.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "must be one or more of " + EnumSet.allOf(AppointmentStatus.class));
            }
        }
        return statuses;
    }

    private static boolean descending(String order) {
        if (order == null || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ApiProblem.invalid("order", "must be asc or desc");
    }
}
