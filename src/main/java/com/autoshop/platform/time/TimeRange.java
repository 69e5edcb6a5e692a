package com.autoshop.platform.time;

import com.autoshop.platform.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A range [from, to) of a query string: today in the shop's time zone by default, one day from {@code from} alone. */
public record TimeRange(Instant from, Instant to) {

    /** The range asked for, refused (400 on {@code to}) when empty or longer than {@code maxLength}. */
    public static TimeRange orToday(Instant from, Instant to, ShopClock clock, Duration maxLength, String maxMessage) {
        LocalDate today = clock.today();
        Instant start = from != null ? from : clock.startOf(today);
        Instant end = to != null ? to : (from != null ? start.plus(Duration.ofDays(1)) : clock.startOf(today.plusDays(1)));
        if (!end.isAfter(start)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(maxLength) > 0) {
            throw ApiProblem.invalid("to", maxMessage);
        }
        return new TimeRange(start, end);
    }
}
