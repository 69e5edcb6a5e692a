package com.autoshop.reporting;

import com.autoshop.appointment.AppointmentStatus;
import com.autoshop.auth.CurrentActor;
import com.autoshop.auth.Roles;
import com.autoshop.platform.problem.ApiProblem;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * CSV exports (RFC 4180, UTF-8, CRLF), streamed whatever their size, as attachments. Text typed by people is
 * neutralised against spreadsheet formula injection (a leading = + - @ gets a ' in front). At most 5 exports
 * per user per hour (429 with Retry-After).
 */
@Path("/admin/reports")
@Tag(name = "Reports")
public class ReportResource {

    static final String CSV = "text/csv";

    private final CsvExports exports;
    private final CurrentActor actor;

    public ReportResource(CsvExports exports, CurrentActor actor) {
        this.exports = exports;
        this.actor = actor;
    }

    /**
     * Live appointments starting in [from, to) (both optional), of the given statuses (separated by commas; all by
     * default), in start order. Columns: id, status, startsAt, endsAt, totalCents,
     * paidCents, customerName, customerEmail, customerPhone, vehicleYear, vehicleMake, vehicleModel, vehicleVin,
     * services (line names joined by "; ").
     */
    @GET
    @Path("/appointments.csv")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "The CSV file (an attachment)",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "More than 5 exports this hour (Retry-After says when to retry)")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.ACCOUNTANT })
    public Multi<Buffer> exportAppointments(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("status") String status) {
        checkRange(from, to);
        return attachment("appointments.csv", exports.appointments(actor.name(), from, to, AppointmentStatus.parseAll(status)));
    }

    /**
     * Payments recorded in [from, to) (both optional), voids included as negative rows, in the order they were made.
     * Columns: id, appointmentId, amountCents, method, note, createdAt, createdBy.
     */
    @GET
    @Path("/payments.csv")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "The CSV file (an attachment)",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "More than 5 exports this hour (Retry-After says when to retry)")
    @RolesAllowed({ Roles.OWNER, Roles.ADVISOR, Roles.ACCOUNTANT })
    public Multi<Buffer> exportPayments(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        checkRange(from, to);
        return attachment("payments.csv", exports.payments(actor.name(), from, to));
    }

    private static Multi<Buffer> attachment(String filename, Multi<Buffer> csv) {
        return RestMulti.fromMultiData(csv)
                .header("Content-Type", CSV + "; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
    }
}
