package com.autoshop.auth.users.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The fields of a staff account a merge patch may change. */
public record UserEdit(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = ROLES, message = ROLES_MESSAGE) String role,
        @NotNull Boolean active) {

    static final String ROLES = "Owner|Advisor|Tech|Accountant";
    static final String ROLES_MESSAGE = "must be one of Owner, Advisor, Tech, Accountant";

    public UserEdit {
        name = Normalize.text(name);
    }
}
