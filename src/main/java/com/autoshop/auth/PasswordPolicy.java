package com.autoshop.auth;

import com.autoshop.platform.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** The minimum strength of a password: long enough, not trivially guessable, within bcrypt's 72 bytes. */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of("password123", "1234567890", "qwertyuiop", "password1234",
            "iloveyou123", "letmein1234", "welcome123", "admin12345", "changeme123", "qwerty12345");

    private PasswordPolicy() {
    }

    /** The reason the password is refused, or null when it is acceptable. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        if (password.chars().distinct().count() < 4) {
            return "must use more than three different characters";
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            return "must mix letters with digits or symbols";
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return "is too common";
        }
        return null;
    }

    public static void require(String field, String password) {
        String weakness = weakness(password);
        if (weakness != null) {
            throw ApiProblem.invalid(field, weakness);
        }
    }
}
