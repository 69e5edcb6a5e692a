package com.autoshop.appointment;

import com.autoshop.appointment.LineItemStore.LineValues;
import com.autoshop.appointment.LineItemStore.Locked;
import com.autoshop.appointment.LineItemStore.Written;
import com.autoshop.appointment.dto.LineItemInput;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.BiFunction;

/** Line items of an appointment: the total follows them; technicians may only change a line's notes. */
@ApplicationScoped
public class LineItemService {

    static final String PAID_WITHIN_TOTAL = "appointments_paid_within_total";

    private final LineItemStore store;
    private final MergePatch mergePatch;

    public LineItemService(LineItemStore store, MergePatch mergePatch) {
        this.store = store;
        this.mergePatch = mergePatch;
    }

    public Uni<Written> list(UUID appointmentId) {
        return store.list(appointmentId).onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"));
    }

    public Uni<Written> add(UUID appointmentId, LineItemInput input, String actor) {
        return write(appointmentId, null, (connection, locked) -> store.add(connection, appointmentId, Ids.newId(),
                values(input), actor));
    }

    public Uni<Written> change(UUID appointmentId, UUID lineId, JsonNode patch, boolean technician, String actor) {
        if (technician && !onlyNotes(patch)) {
            throw new ApiProblem(ErrorCode.RBAC_FORBIDDEN, "Technicians may only change the notes of a line");
        }
        return write(appointmentId, lineId, (connection, locked) -> {
            LineItemInput edited = mergePatch.apply(editable(locked.line()), patch, LineItemInput.class);
            return store.change(connection, appointmentId, lineId, values(edited), actor);
        });
    }

    public Uni<Written> remove(UUID appointmentId, UUID lineId, String actor) {
        return write(appointmentId, lineId, (connection, locked) -> store.remove(connection, appointmentId, lineId, actor));
    }

    private Uni<Written> write(UUID appointmentId, UUID lineId, BiFunction<SqlConnection, Locked, Uni<Written>> change) {
        return store.pool().withTransaction(connection -> store.lock(connection, appointmentId, lineId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"))
                .chain(locked -> {
                    if (lineId != null && locked.line() == null) {
                        throw ApiProblem.notFound("Service line");
                    }
                    if (StatusMachine.isFinal(locked.status())) {
                        throw ApiProblem.conflict("The appointment is " + locked.status() + "; its services are closed");
                    }
                    return change.apply(connection, locked);
                }))
                .onFailure(failure -> DatabaseErrors.violated(failure, PAID_WITHIN_TOTAL))
                .transform(failure -> ApiProblem.conflict(
                        "The total would fall under what was already paid; void a payment first"));
    }

    private static boolean onlyNotes(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return true;
        }
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext();) {
            if (!"notes".equals(fields.next())) {
                return false;
            }
        }
        return true;
    }

    private static LineItemInput editable(JsonObject line) {
        Object hours = line.getValue("estimatedHours");
        return new LineItemInput(line.getString("name"), line.getLong("priceCents"),
                hours == null ? null : new BigDecimal(hours.toString()), line.getString("category"), line.getString("notes"));
    }

    private static LineValues values(LineItemInput input) {
        return new LineValues(input.name(), input.priceCents(), input.estimatedHours(), input.category(), input.notes());
    }
}
