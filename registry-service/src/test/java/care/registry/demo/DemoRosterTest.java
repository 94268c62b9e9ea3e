package care.registry.demo;

import care.contracts.event.CertificateGrade;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.validation.Identifiers;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;
import care.registry.staff.domain.Staff;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoRosterTest {

    static Institution institution(int n, Sector sector, InstitutionKind kind, int capacity) {
        Institution i = new Institution();
        i.id = UUID.randomUUID();
        i.uscc = Identifiers.completeUscc("52530102DM" + "%07d".formatted(n));
        i.facts = new InstitutionFacts();
        i.facts.sector = sector;
        i.facts.kind = kind;
        i.facts.ownership = Ownership.PRIVATE;
        i.facts.divisionCode = "530102";
        i.facts.cityCode = "530100";
        i.capacity = capacity;
        i.filedOn = LocalDate.of(2023, 5, 1);
        return i;
    }

    @Test
    void theSameUsccAlwaysGivesTheSamePeople() {
        Institution a = institution(7, Sector.ELDERLY, InstitutionKind.PRIVATE_CARE_HOME, 120);
        Institution again = institution(7, Sector.ELDERLY, InstitutionKind.PRIVATE_CARE_HOME, 120);
        var one = DemoRoster.generate(a);
        var two = DemoRoster.generate(again);
        assertEquals(one.citizenIds(), two.citizenIds());
        assertEquals(one.entries().stream().map(s -> s.id).toList(), two.entries().stream().map(s -> s.id).toList());
        assertEquals(one.entries().stream().map(s -> s.name + s.certificateGrade + s.employedFrom).toList(),
                two.entries().stream().map(s -> s.name + s.certificateGrade + s.employedFrom).toList());
    }

    @Test
    void rostersAreRealisticOverManyInstitutions() {
        List<Staff> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            var roster = DemoRoster.generate(n % 2 == 0
                    ? institution(n, Sector.ELDERLY, InstitutionKind.PRIVATE_CARE_HOME, 30 + n)
                    : institution(n, Sector.CHILDCARE, InstitutionKind.FULL_DAYCARE, 30 + n / 2));
            all.addAll(roster.entries());
            ids.addAll(roster.citizenIds());
        }
        assertTrue(all.size() > 2000, "thousands over the demo register: " + all.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no person twice");
        EnumSet<CertificateGrade> grades = EnumSet.noneOf(CertificateGrade.class);
        int expired = 0;
        int left = 0;
        int uncertified = 0;
        for (int n = 0; n < all.size(); n++) {
            Staff s = all.get(n);
            String id = ids.get(n);
            assertTrue(Identifiers.isValidCitizenId(id), id);
            LocalDate born = LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
            long age = java.time.temporal.ChronoUnit.YEARS.between(born, s.employedFrom);
            assertTrue(age >= 18 && age <= 56, "plausible working age " + age);
            if (s.certificateGrade != null) {
                grades.add(s.certificateGrade);
            }
            if (s.certificateValidUntil != null && s.certificateValidUntil.isBefore(LocalDate.of(2026, 11, 1))) {
                expired++;
            }
            if (s.employedUntil != null) {
                left++;
                assertTrue(!s.employedUntil.isBefore(s.employedFrom));
            }
            if (s.certificateType == null) {
                uncertified++;
            }
        }
        assertEquals(EnumSet.allOf(CertificateGrade.class), grades, "五级 to 一级");
        assertTrue(expired > 50, "some expired certificates: " + expired);
        assertTrue(left > 50, "some have left: " + left);
        assertTrue(uncertified > 50, "some without a certificate: " + uncertified);
    }
}
