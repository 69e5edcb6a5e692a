package com.autoshop.appointment;

import com.autoshop.appointment.AppointmentStore.NewAppointment;
import com.autoshop.appointment.AppointmentStore.NewLine;
import com.autoshop.appointment.AppointmentStore.Written;
import com.autoshop.appointment.dto.AppointmentEdit;
import com.autoshop.appointment.dto.CreateAppointment;
import com.autoshop.appointment.dto.MoveRequest;
import com.autoshop.platform.data.Ids;
import com.autoshop.platform.db.EarlyRelease;
import com.autoshop.platform.db.PipelinedTransaction;
import com.autoshop.platform.db.Statement;
import com.autoshop.platform.http.ETags;
import com.autoshop.platform.json.MergePatch;
import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.DatabaseErrors;
import com.autoshop.platform.problem.ErrorCode;
import com.autoshop.platform.problem.FieldError;
import com.autoshop.platform.time.ShopClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The rules of appointments: booking without double booking (the database's exclusion constraints decide,
 * so there is no check-then-insert race), the status machine, optimistic concurrency, dense board positions.
 * Each command is one transaction of two statements: the lock (of the row and its board day), then the write.
 */
@ApplicationScoped
public class AppointmentService {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
    static final Duration MAX_LENGTH = Duration.ofHours(48);
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(15);

    private final AppointmentStore store;
    private final ShopClock clock;
    private final MergePatch mergePatch;

    public AppointmentService(AppointmentStore store, ShopClock clock, MergePatch mergePatch) {
        this.store = store;
        this.clock = clock;
        this.mergePatch = mergePatch;
    }

    /** The created appointment and its services: [appointment JSON, services JSON]. */
    public Uni<String[]> create(CreateAppointment request, String actor) {
        Instant startsAt = micros(request.startsAt());
        Instant endsAt = request.endsAt() == null ? startsAt.plus(DEFAULT_LENGTH) : micros(request.endsAt());
        checkTimes(startsAt, endsAt, true);
        LocalDate day = clock.dayOf(startsAt);
        List<NewLine> lines = request.services().stream()
                .map(item -> new NewLine(Ids.newId(), item.name(), item.priceCents(), item.estimatedHours(),
                        item.category(), item.notes()))
                .toList();
        var appointment = new NewAppointment(Ids.newId(), request.customerId(), request.vehicleId(),
                request.technicianId(), startsAt, endsAt, request.title(), request.notes(), lines,
                clock.startOf(day), clock.startOf(day.plusDays(1)));
        return PipelinedTransaction.run(store.pool(), connection -> store.lockDay(connection, day.toEpochDay()),
                locked -> store.insert(appointment, actor))
                .onFailure(AppointmentService::isOverlap)
                .recoverWithUni(failure -> conflict(startsAt, endsAt, request.vehicleId(), request.technicianId(), null))
                .chain(created -> created != null ? Uni.createFrom().item(created)
                        : store.missingReferences(request.customerId(), request.vehicleId(), request.technicianId())
                                .map(AppointmentService::referenceProblem));
    }

    /** Board drag and drop: optimistic on the version the client read; positions stay dense. */
    public Uni<Written> move(UUID id, MoveRequest move, boolean technician, String actor) {
        if (technician && move.status() == AppointmentStatus.COMPLETED) {
            throw new ApiProblem(ErrorCode.RBAC_FORBIDDEN, "Technicians cannot complete appointments");
        }
        Statement<Written> guarded = store.move(id, move.status(), move.position(), move.version(),
                StatusMachine.leavableFor(move.status()), clock.now(), actor);
        return PipelinedTransaction.runAtOnce(store.pool(), connection -> lock(connection, id), guarded, (current, moved) -> {
            if (moved != null) {
                return moved;
            }
            if (current.version() != move.version()) {
                throw new ApiProblem(ErrorCode.STALE_VERSION, "The appointment changed since version " + move.version()
                        + " (now " + current.version() + "); reload the board");
            }
            StatusMachine.require(current.status(), move.status());
            // version and status qualified, so the card left the day whose lock was taken (lockForChange says so first)
            throw new ApiProblem(ErrorCode.SERVICE_UNAVAILABLE, "The appointment changed meanwhile; retry", List.of(),
                    Map.of(), Duration.ofSeconds(1));
        });
    }

    /** start, ready, complete: a transition to {@code target}; repeating one that already happened changes nothing. */
    public Uni<Written> transition(UUID id, AppointmentStatus target, String actor) {
        return change(id, actor, target.name().toLowerCase(), current -> {
            if (current.status() == target) {
                return Step.unchanged(current);
            }
            StatusMachine.require(current.status(), target);
            return new Step(current.withStatus(target, clock.now()), null);
        });
    }

    /** check-in: sets checkInAt once; the status does not change. */
    public Uni<Written> checkIn(UUID id, String actor) {
        return change(id, actor, "check-in", current -> {
            if (current.checkInAt() != null) {
                return Step.unchanged(current);
            }
            if (StatusMachine.isFinal(current.status())) {
                throw ApiProblem.conflict("A " + current.status() + " appointment cannot be checked in");
            }
            return new Step(current.withCheckIn(clock.now()), current.position());
        });
    }

    /** check-out: sets checkOutAt once, after a check-in; the status does not change. */
    public Uni<Written> checkOut(UUID id, String actor) {
        return change(id, actor, "check-out", current -> {
            if (current.checkOutAt() != null) {
                return Step.unchanged(current);
            }
            if (current.checkInAt() == null) {
                throw ApiProblem.conflict("The car was not checked in");
            }
            return new Step(current.withCheckOut(clock.now()), current.position());
        });
    }

    /** JSON Merge Patch under If-Match; a status change follows the status machine, a new slot must be free. */
    public Uni<Written> update(UUID id, JsonNode patch, String ifMatch, String actor) {
        AtomicReference<AppointmentRow> attempted = new AtomicReference<>();
        return EarlyRelease.withTransaction(store.pool(), connection -> lock(connection, id).chain(current -> {
            ETags.requireMatch(ifMatch, current.version());
            var before = new AppointmentEdit(current.vehicleId(), current.technicianId(), current.startsAt(),
                    current.endsAt(), current.title(), current.notes(), current.status());
            AppointmentEdit edit = mergePatch.apply(before, patch, AppointmentEdit.class);
            Instant startsAt = micros(edit.startsAt());
            Instant endsAt = micros(edit.endsAt());
            checkTimes(startsAt, endsAt, !startsAt.equals(current.startsAt()));
            StatusMachine.require(current.status(), edit.status());
            AppointmentRow next = current.edited(edit.vehicleId(), edit.technicianId(), startsAt, endsAt, edit.title(),
                    edit.notes()).withStatus(edit.status(), clock.now());
            attempted.set(next);
            LocalDate newDay = clock.dayOf(startsAt);
            boolean sameColumn = newDay.equals(clock.dayOf(current.startsAt())) && edit.status() == current.status();
            Uni<Void> dayLock = sameColumn ? Uni.createFrom().voidItem() : store.lockDay(connection, newDay.toEpochDay());
            return dayLock.chain(() -> store.update(next, sameColumn ? current.position() : null, actor, "update")
                    .execute(connection))
                    .map(written -> written != null ? written : referenceProblem());
        })).onFailure(AppointmentService::isOverlap).recoverWithUni(failure -> conflict(attempted.get()));
    }

    /** Soft delete: the slot is free again and the card leaves the board. */
    public Uni<Void> delete(UUID id, String actor) {
        return change(id, actor, "delete", current -> new Step(current.deleted(clock.now()), null)).replaceWithVoid();
    }

    private record Step(AppointmentRow next, Integer position, boolean write) {

        Step(AppointmentRow next, Integer position) {
            this(next, position, true);
        }

        static Step unchanged(AppointmentRow current) {
            return new Step(current, current.position(), false);
        }
    }

    /** The lock, the rule, the write: two round trips (the day's lock is not held while the COMMIT travels). */
    private Uni<Written> change(UUID id, String actor, String action, Function<AppointmentRow, Step> rule) {
        return PipelinedTransaction.run(store.pool(), connection -> lock(connection, id), current -> {
            Step step = rule.apply(current);
            return step.write() ? store.update(step.next(), step.position(), actor, action) : store.current(id);
        });
    }

    private Uni<AppointmentRow> lock(SqlConnection connection, UUID id) {
        return store.lockForChange(connection, id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("Appointment"));
    }

    private <T> Uni<T> conflict(AppointmentRow attempted) {
        return conflict(attempted.startsAt(), attempted.endsAt(), attempted.vehicleId(), attempted.technicianId(),
                attempted.id());
    }

    private <T> Uni<T> conflict(Instant startsAt, Instant endsAt, UUID vehicleId, UUID technicianId, UUID except) {
        return store.conflicts(startsAt, endsAt, vehicleId, technicianId, except == null ? new UUID(0, 0) : except)
                .map(ids -> {
                    throw ApiProblem.conflict("The slot overlaps " + ids.size()
                            + " appointment(s) of the same vehicle or technician",
                            Map.of("conflictingAppointmentIds", ids));
                });
    }

    private void checkTimes(Instant startsAt, Instant endsAt, boolean newStart) {
        if (!endsAt.isAfter(startsAt)) {
            throw ApiProblem.invalid("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw ApiProblem.invalid("endsAt", "must be at most 48 hours after startsAt");
        }
        if (newStart && startsAt.isBefore(clock.now().minus(PAST_TOLERANCE))) {
            throw ApiProblem.invalid("startsAt", "must not be more than 15 minutes in the past");
        }
    }

    static boolean isOverlap(Throwable failure) {
        return DatabaseErrors.dbError(failure)
                .map(error -> DatabaseErrors.EXCLUSION_VIOLATION.equals(error.sqlState()))
                .orElse(false);
    }

    private static String[] referenceProblem(boolean[] checks) {
        String field = !checks[0] ? "customerId" : !checks[1] ? "vehicleId" : "technicianId";
        String message = !checks[0] ? "does not name a live customer"
                : !checks[1] ? "does not name a live vehicle of this customer" : "does not name an active technician";
        throw new ApiProblem(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldError(field, message)), Map.of(), null);
    }

    private static Written referenceProblem() {
        throw new ApiProblem(ErrorCode.VALIDATION_FAILED,
                "vehicleId must be a live vehicle of the customer and technicianId an active technician",
                List.of(new FieldError("vehicleId", "must be a live vehicle of this customer"),
                        new FieldError("technicianId", "must be an active technician")),
                Map.of(), null);
    }

    /** PostgreSQL keeps microseconds; comparing with what comes back needs the same precision. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
