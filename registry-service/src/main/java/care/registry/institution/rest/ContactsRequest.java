package care.registry.institution.rest;

import care.registry.institution.service.ContactDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The institution's day-to-day contacts (the legal representative changes only by 变更备案). */
public record ContactsRequest(
        @Size(max = 60) String contactPerson,
        @NotBlank @Pattern(regexp = "[0-9\\-+ ]{7,20}", message = "联系电话格式无效") String contactPhone,
        @Email @Size(max = 120) String contactEmail) {

    public ContactDetails toDetails() {
        return new ContactDetails(contactPerson, contactPhone, contactEmail);
    }
}
