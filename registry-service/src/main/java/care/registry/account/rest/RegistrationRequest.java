package care.registry.account.rest;

import care.contracts.event.Sector;
import care.contracts.validation.CountyCode;
import care.contracts.validation.Uscc;
import care.registry.account.service.RegistrationDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 机构注册 as the portal's public page (or a client) sends it. The claims come from these checked fields only. */
public record RegistrationRequest(
        @NotBlank @Uscc String uscc,
        @NotBlank @Size(max = 100) String institutionName,
        @NotNull Sector sector,
        @NotBlank @CountyCode String divisionCode,
        @NotBlank @Size(max = 60) String legalRepresentative,
        @NotBlank @Size(max = 60) String operatorName,
        @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号码应为11位中国大陆手机号") String mobile,
        // the production realm's policy: at least 12 characters (checked here too, so the demo realm agrees)
        @NotBlank @Size(min = 12, max = 64, message = "密码长度应为12至64位") String password) {

    RegistrationDetails toDetails() {
        return new RegistrationDetails(uscc, institutionName.strip(), sector, divisionCode,
                legalRepresentative.strip(), operatorName.strip(), mobile, password);
    }
}
