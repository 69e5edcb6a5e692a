package com.autoshop.vehicle;

import com.autoshop.audit.AuditLog;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.problem.FieldError;
import com.autoshop.platform.problem.InputValidator;
import com.autoshop.vehicle.dto.CreateVehicle;
import com.autoshop.vehicle.dto.VehicleInput;
import com.autoshop.vehicle.dto.VehicleView;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Vehicle records: one primary per customer, VIN and plate unique among live vehicles, audited transfers. */
@ApplicationScoped
public class VehicleService {

    static final String ENTITY = "vehicle";

    private final VehicleRepository vehicles;
    private final LiveRecords live;
    private final AuditLog audit;
    private final MergePatch mergePatch;
    private final InputValidator validator;

    public VehicleService(VehicleRepository vehicles, LiveRecords live, AuditLog audit, MergePatch mergePatch,
            InputValidator validator) {
        this.vehicles = vehicles;
        this.live = live;
        this.audit = audit;
        this.mergePatch = mergePatch;
        this.validator = validator;
    }

    @WithTransaction
    public Uni<VehicleView> create(CreateVehicle request, String actor) {
        VehicleInput input = validator.valid(request.fields());
        Vehicle vehicle = new Vehicle();
        vehicle.id = Ids.newId();
        vehicle.customerId = request.customerId();
        apply(vehicle, input);
        return live.requireCustomer("customerId", request.customerId())
                .chain(() -> vehicles.countLive(request.customerId()))
                .invoke(count -> vehicle.primary = vehicle.primary || count == 0)
                .chain(count -> vehicle.primary ? vehicles.clearPrimary(vehicle.customerId, vehicle.id) : Uni.createFrom().item(0))
                .chain(() -> vehicles.persistAndFlush(vehicle))
                .onFailure().transform(VehicleService::duplicates)
                .map(VehicleView::of)
                .call(view -> audit.record(actor, "create", ENTITY, view.id(), null, view));
    }

    @WithTransaction
    public Uni<VehicleView> update(UUID id, JsonNode patch, String ifMatch, String actor) {
        return require(id).chain(vehicle -> {
            ETags.requireMatch(ifMatch, vehicle.version);
            VehicleView before = VehicleView.of(vehicle);
            apply(vehicle, mergePatch.apply(before.editable(), patch, VehicleInput.class));
            Uni<Integer> primary = vehicle.primary && !before.isPrimary()
                    ? vehicles.clearPrimary(vehicle.customerId, vehicle.id)
                    : Uni.createFrom().item(0);
            return primary.chain(vehicles::flush)
                    .onFailure().transform(VehicleService::duplicates)
                    .map(ignored -> VehicleView.of(vehicle))
                    .call(after -> audit.record(actor, "update", ENTITY, id, before, after));
        });
    }

    /** Soft delete; refused while the vehicle has open appointments, which would lose their vehicle. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch, String actor) {
        return require(id).chain(vehicle -> {
            ETags.requireMatch(ifMatch, vehicle.version);
            VehicleView before = VehicleView.of(vehicle);
            return live.openAppointmentsOfVehicle(id).chain(open -> {
                if (open > 0) {
                    throw ApiProblem.conflict("The vehicle has " + open + " open appointment(s); cancel or complete them first");
                }
                vehicle.deletedAt = Instant.now();
                vehicle.primary = false;
                return vehicles.flush().chain(() -> audit.record(actor, "delete", ENTITY, id, before, null));
            });
        });
    }

    /** Moves the vehicle to another customer; its past appointments stay with the customer who had them. */
    @WithTransaction
    public Uni<VehicleView> transfer(UUID id, UUID newOwner, String ifMatch, String actor) {
        return require(id).chain(vehicle -> {
            ETags.requireMatch(ifMatch, vehicle.version);
            if (vehicle.customerId.equals(newOwner)) {
                throw ApiProblem.invalid("customerId", "already owns this vehicle");
            }
            VehicleView before = VehicleView.of(vehicle);
            return live.requireCustomer("customerId", newOwner)
                    .chain(() -> vehicles.countLive(newOwner))
                    .chain(count -> {
                        vehicle.customerId = newOwner;
                        vehicle.primary = count == 0;
                        return vehicles.flush();
                    })
                    .map(ignored -> VehicleView.of(vehicle))
                    .call(after -> audit.record(actor, "transfer", ENTITY, id, before, after));
        });
    }

    public Uni<VehicleView> get(UUID id) {
        return require(id).map(VehicleView::of);
    }

    private Uni<Vehicle> require(UUID id) {
        return vehicles.findLive(id).onItem().ifNull().failWith(() -> ApiProblem.notFound("Vehicle"));
    }

    private static void apply(Vehicle vehicle, VehicleInput input) {
        vehicle.year = input.year() == null ? null : input.year().shortValue();
        vehicle.make = input.make();
        vehicle.model = input.model();
        vehicle.trim = input.trim();
        vehicle.color = input.color();
        vehicle.vin = input.vin();
        vehicle.licensePlate = input.licensePlate();
        vehicle.mileage = input.mileage();
        vehicle.primary = Boolean.TRUE.equals(input.isPrimary());
    }

    /** A live duplicate VIN or plate is a 409 naming the field, not a generic conflict. */
    static Throwable duplicates(Throwable failure) {
        if (DatabaseErrors.violated(failure, "vehicles_live_vin_key")) {
            return duplicate("vin", "A live vehicle already has this VIN");
        }
        if (DatabaseErrors.violated(failure, "vehicles_live_plate_key")) {
            return duplicate("licensePlate", "A live vehicle already has this license plate");
        }
        return failure;
    }

    private static ApiProblem duplicate(String field, String detail) {
        return new ApiProblem(ErrorCode.CONFLICT, detail, List.of(new FieldError(field, "is already in use")),
                Map.of(), null);
    }
}
