package com.autoshop.appointment;

import com.autoshop.platform.problem.ApiProblem;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The status of an appointment; the rules between them live in {@link StatusMachine}. */
public enum AppointmentStatus {
    SCHEDULED, IN_PROGRESS, READY, COMPLETED, NO_SHOW, CANCELED;

    /** The statuses of a {@code status} query parameter: one, or several separated by commas; none when absent. */
    public static Set<AppointmentStatus> parseAll(String value) {
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
}
