package com.autoshop.appointment;

/** The status of an appointment; the rules between them live in {@link StatusMachine}. */
public enum AppointmentStatus {
    SCHEDULED, IN_PROGRESS, READY, COMPLETED, NO_SHOW, CANCELED
}
