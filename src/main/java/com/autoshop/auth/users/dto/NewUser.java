package com.autoshop.auth.users.dto;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff account to create; the password must also pass the PasswordPolicy. */
public record NewUser(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = UserEdit.ROLES, message = UserEdit.ROLES_MESSAGE) String role,
        @NotBlank @Size(max = 200) String password) {

    public NewUser {
        email = Normalize.email(email);
        name = Normalize.text(name);
    }
}
