package care.registry.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new staff account: role from the list {@code GET /api/accounts/staff/options} gives, a reviewer's division from
 * that list too (a county of the caller's city or the city itself). The city is the caller's, never sent.
 */
public record StaffAccountRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,39}", message = "账号名为3至40位小写字母、数字或 . _ -，以字母开头")
        String username,
        @NotBlank @Size(max = 60) String fullName,
        @NotBlank String role,
        @Pattern(regexp = "[1-9][0-9]{5}", message = "行政区划代码应为6位数字") String divisionCode) {
}
