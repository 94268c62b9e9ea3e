package care.contracts.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {

    @Test
    void publishedUsccExamplesPass() {
        // codes printed on real business licences
        assertTrue(Identifiers.isValidUscc("91350100M000100Y43"));
        assertTrue(Identifiers.isValidUscc("91110000600037341L"));
    }

    @Test
    void usccWithWrongCheckCharacterOrForbiddenLettersFails() {
        assertFalse(Identifiers.isValidUscc("91350100M000100Y44"));
        assertFalse(Identifiers.isValidUscc("91350100M000100I43")); // I is not in the GB 32100 alphabet
        assertFalse(Identifiers.isValidUscc("91350100M000100Y4"));
        assertFalse(Identifiers.isValidUscc(null));
    }

    @Test
    void completedUsccIsValidAndEveryOtherCheckCharacterIsNot() {
        String code = Identifiers.completeUscc("52530102MJ0000001");
        assertTrue(Identifiers.isValidUscc(code));
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (c != code.charAt(17)) {
                assertFalse(Identifiers.isValidUscc(code.substring(0, 17) + c));
            }
        }
    }

    @Test
    void citizenIdFromTheStandardPasses() {
        assertTrue(Identifiers.isValidCitizenId("11010519491231002X")); // GB 11643-1999 appendix example
        assertTrue(Identifiers.isValidCitizenId("11010519491231002x"));
        assertEquals("11010519491231002X", Identifiers.completeCitizenId("11010519491231002"));
    }

    @Test
    void citizenIdWithBadCheckDigitOrImpossibleBirthDateFails() {
        assertFalse(Identifiers.isValidCitizenId("110105194912310021"));
        assertFalse(Identifiers.isValidCitizenId(Identifiers.completeCitizenId("53010219900230123"))); // 30 Feb
        assertFalse(Identifiers.isValidCitizenId("5301021990010112"));
        assertFalse(Identifiers.isValidCitizenId("53010219900101123A"));
    }
}
