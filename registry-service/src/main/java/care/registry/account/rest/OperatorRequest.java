package care.registry.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Another operator of the administrator's institution: the institution is the administrator's, never sent. */
public record OperatorRequest(
        @NotBlank @Size(max = 60) String fullName,
        @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号码应为11位中国大陆手机号") String mobile) {
}
