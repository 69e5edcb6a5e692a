package com.autoshop.technician;

import com.autoshop.audit.AuditLog;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Technicians: created, renamed, deactivated (never deleted: their past appointments keep them). */
@ApplicationScoped
public class TechnicianService {

    static final String ENTITY = "technician";

    private final TechnicianRepository technicians;
    private final AuditLog audit;
    private final MergePatch mergePatch;

    public TechnicianService(TechnicianRepository technicians, AuditLog audit, MergePatch mergePatch) {
        this.technicians = technicians;
        this.audit = audit;
        this.mergePatch = mergePatch;
    }

    public Uni<List<TechnicianView>> list(boolean includeInactive) {
        return technicians.listAll(includeInactive).map(list -> list.stream().map(TechnicianView::of).toList());
    }

    @WithTransaction
    public Uni<TechnicianView> create(TechnicianInput input, String actor) {
        Technician technician = new Technician();
        technician.id = Ids.newId();
        apply(technician, input);
        return technicians.persistAndFlush(technician)
                .onFailure().transform(TechnicianService::initialsTaken)
                .map(TechnicianView::of)
                .call(view -> audit.record(actor, "create", ENTITY, view.id(), null, view));
    }

    @WithTransaction
    public Uni<TechnicianView> update(UUID id, JsonNode patch, String ifMatch, String actor) {
        return technicians.findById(id).onItem().ifNull().failWith(() -> ApiProblem.notFound("Technician"))
                .chain(technician -> {
                    ETags.requireMatch(ifMatch, technician.version);
                    TechnicianView before = TechnicianView.of(technician);
                    apply(technician, mergePatch.apply(before.editable(), patch, TechnicianInput.class));
                    return technicians.flush()
                            .onFailure().transform(TechnicianService::initialsTaken)
                            .map(ignored -> TechnicianView.of(technician))
                            .call(after -> audit.record(actor, "update", ENTITY, id, before, after));
                });
    }

    private static void apply(Technician technician, TechnicianInput input) {
        technician.name = input.name();
        technician.initials = input.initials();
        technician.active = input.active() == null || input.active();
    }

    private static Throwable initialsTaken(Throwable failure) {
        if (DatabaseErrors.violated(failure, "technicians_active_initials_key")) {
            return new ApiProblem(ErrorCode.CONFLICT, "An active technician already has these initials",
                    List.of(new FieldError("initials", "are already in use")), Map.of(), null);
        }
        return failure;
    }
}
