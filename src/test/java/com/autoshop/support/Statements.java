package com.autoshop.support;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how many SQL statements a request sent, from the Server-Timing header the service adds to every response. */
public final class Statements {

    private static final Pattern COUNT = Pattern.compile("desc=\"(\\d+) statements\"");

    private Statements() {
    }

    public static int of(Response response) {
        String header = response.getHeader("Server-Timing");
        if (header == null) {
            throw new AssertionError("no Server-Timing header on the response");
        }
        Matcher matcher = COUNT.matcher(header);
        if (!matcher.find()) {
            throw new AssertionError("no statement count in Server-Timing: " + header);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
