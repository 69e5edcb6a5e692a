package com.autoshop.auth.users.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A password an Owner sets for a staff account; it must also pass the PasswordPolicy. */
public record NewPassword(@NotBlank @Size(max = 200) String password) {
}
