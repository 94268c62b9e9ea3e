package care.registry.staff.rest;

import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import care.contracts.validation.CitizenId;
import care.registry.staff.domain.Education;
import care.registry.staff.service.StaffDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A roster entry as the institution enters it. {@code citizenId} is required when adding; when editing it may be
 * left out (kept) or given to correct it. {@code head} marks the institution's 负责人 (absent: not the head);
 * {@code education} is one of {@link Education}. Messages are in Chinese, for the clerk who sees them beside the
 * field (or a spreadsheet row's cell).
 */
public record StaffRequest(
        @NotBlank(message = "请填写姓名") @Size(max = 60, message = "姓名不超过 60 个字") String name,
        @NotNull(message = "请填写岗位") StaffRole role,
        @CitizenId String citizenId,
        @Size(max = 60, message = "证书类型不超过 60 个字") String certificateType,
        CertificateGrade certificateGrade,
        @Size(max = 40, message = "证书编号不超过 40 个字符")
        @Pattern(regexp = "[0-9A-Za-z\\-]+", message = "证书编号只能包含字母、数字和连字符")
        String certificateNumber,
        LocalDate certificateIssuedOn,
        LocalDate certificateValidUntil,
        @NotNull(message = "请填写入职日期") LocalDate employedFrom,
        LocalDate employedUntil,
        Boolean head,
        Education education) {

    public StaffDetails toDetails() {
        return new StaffDetails(name, role, citizenId, certificateType, certificateGrade, certificateNumber,
                certificateIssuedOn, certificateValidUntil, employedFrom, employedUntil, Boolean.TRUE.equals(head),
                education);
    }

    @Override
    public String toString() { // never let the plain ID reach a log line
        return "StaffRequest[name=" + name + ", role=" + role + ", citizenId=" + (citizenId == null ? null : "***") + "]";
    }
}
