package com.autoshop.platform.data;

import com.autoshop.platform.problem.ApiProblem;

/** The page size rules every list shares (SPEC: 1..200, default 50). */
public final class Limits {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private Limits() {
    }

    public static int pageSize(Integer requested) {
        return within("limit", requested, DEFAULT, MAX);
    }

    public static int within(String name, Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ApiProblem.invalid(name, "must be between 1 and " + max);
        }
        return requested;
    }
}
