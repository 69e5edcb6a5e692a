package com.autoshop.appointment;

import static com.autoshop.appointment.AppointmentStatus.CANCELED;
import static com.autoshop.appointment.AppointmentStatus.COMPLETED;
import static com.autoshop.appointment.AppointmentStatus.IN_PROGRESS;
import static com.autoshop.appointment.AppointmentStatus.NO_SHOW;
import static com.autoshop.appointment.AppointmentStatus.READY;
import static com.autoshop.appointment.AppointmentStatus.SCHEDULED;

import com.autoshop.platform.problem.ApiProblem;
import com.autoshop.platform.problem.ErrorCode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * SPEC.md section 1: SCHEDULED -> IN_PROGRESS | READY | NO_SHOW | CANCELED; IN_PROGRESS -> READY | COMPLETED;
 * READY -> COMPLETED. COMPLETED, NO_SHOW and CANCELED are final.
 */
public final class StatusMachine {

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(IN_PROGRESS, READY, NO_SHOW, CANCELED),
            IN_PROGRESS, EnumSet.of(READY, COMPLETED),
            READY, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class),
            CANCELED, EnumSet.noneOf(AppointmentStatus.class));

    private StatusMachine() {
    }

    public static boolean allows(AppointmentStatus from, AppointmentStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static boolean isFinal(AppointmentStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /** The statuses a card may be in to be put into {@code to}: those that allow it, and {@code to} itself (a reorder). */
    public static Set<AppointmentStatus> leavableFor(AppointmentStatus to) {
        Set<AppointmentStatus> from = EnumSet.of(to);
        NEXT.forEach((status, next) -> {
            if (next.contains(to)) {
                from.add(status);
            }
        });
        return from;
    }

    /** Staying in the same status is not a transition (a reorder on the board); anything else must be allowed. */
    public static void require(AppointmentStatus from, AppointmentStatus to) {
        if (from != to && !allows(from, to)) {
            throw new ApiProblem(ErrorCode.INVALID_TRANSITION, "An appointment cannot go from " + from + " to " + to
                    + (isFinal(from) ? " (" + from + " is final)" : "; allowed: " + NEXT.get(from)));
        }
    }
}
