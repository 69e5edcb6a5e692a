package com.autoshop.technician;

import com.autoshop.platform.text.Normalize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A technician's editable fields; initials are upper-cased and must be unique among active technicians. */
public record TechnicianInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "[A-Z]{1,4}", message = "must be 1 to 4 letters") String initials,
        Boolean active) {

    public TechnicianInput {
        name = Normalize.text(name);
        initials = initials == null ? null : initials.strip().toUpperCase(Locale.ROOT);
    }
}
