package com.autoshop.auth;

/** The roles of SPEC.md section 4, as they appear in the token's {@code groups} claim. */
public final class Roles {

    public static final String OWNER = "Owner";
    public static final String ADVISOR = "Advisor";
    public static final String TECH = "Tech";
    public static final String ACCOUNTANT = "Accountant";
    public static final String CUSTOMER = "Customer";

    private Roles() {
    }

    public static boolean isStaff(String role) {
        return OWNER.equals(role) || ADVISOR.equals(role) || TECH.equals(role) || ACCOUNTANT.equals(role);
    }
}
