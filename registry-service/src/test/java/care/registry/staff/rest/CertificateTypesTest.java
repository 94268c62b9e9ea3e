package care.registry.staff.rest;

import care.contracts.event.CertificateType;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A roster entry's certificate type is one of a closed list (the nursing allowance counts only a 养老护理 vocational
 * certificate, seed 000 §19): the code or its label is taken and stored as the code, anything else is refused with
 * the allowed values, and CaregiverChanged carries the type.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class CertificateTypesTest {

    @Inject
    Register register;
    @Inject
    Db db;

    private static String entry(String citizenId, String certificateType) {
        return """
                {"name":"赵敏","role":"ELDERLY_CAREGIVER","citizenId":"%s","certificateType":"%s",
                 "certificateGrade":"LEVEL_4","certificateNumber":"S5301022022%04d","certificateIssuedOn":"2022-05-10",
                 "employedFrom":"2024-03-01"}
                """.formatted(citizenId, certificateType, (int) (Math.random() * 10_000));
    }

    @Test
    void aListedTypeIsStoredAsItsCodeAndTravelsInTheEvent() {
        Institution home = register.elderly530102();
        String byLabel = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(entry(StaffRosterTest.newCitizenId(), "养老护理员职业技能等级证书"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(201)
                .body("certificateType", equalTo("ELDERLY_CARE_SKILL")).extract().path("id");
        String byCode = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(entry(StaffRosterTest.newCitizenId(), "INFANT_CARER_SKILL"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(201)
                .body("certificateType", equalTo("INFANT_CARER_SKILL")).extract().path("id");

        List<String> events = db.events("CaregiverChanged", byLabel);
        assertTrue(events.get(events.size() - 1).contains("\"certificateType\":\"ELDERLY_CARE_SKILL\""), events.toString());
        events = db.events("CaregiverChanged", byCode);
        assertTrue(events.get(events.size() - 1).contains("\"certificateType\":\"INFANT_CARER_SKILL\""), events.toString());
    }

    @Test
    void aTypeOutsideTheListIsRefusedWithTheAllowedValuesAndNothingIsStored() {
        Institution home = register.elderly530102();
        long before = db.count("select count(*) from staff where institution_id = ?1", home.id);
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(entry(StaffRosterTest.newCitizenId(), "健康管理师证"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("certificateType"))
                .body("violations[0].message", containsString("ELDERLY_CARE_SKILL（养老护理员职业技能等级证书）"))
                .body("violations[0].message", containsString(CertificateType.SOCIAL_WORKER.label));
        assertEquals(before, db.count("select count(*) from staff where institution_id = ?1", home.id));
    }
}
