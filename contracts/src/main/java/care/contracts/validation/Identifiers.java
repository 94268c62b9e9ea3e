package care.contracts.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Check characters of the two national identifiers the platform takes as input. */
public final class Identifiers {

    // GB 32100-2015: 31 characters, without I, O, S, V and Z
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    // GB 11643-1999: ISO 7064 MOD 11-2
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Identifiers() {
    }

    public static boolean isValidUscc(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * USCC_WEIGHTS[i];
        }
        return code.charAt(17) == usccCheckCharacter(sum);
    }

    /** The full code for the first 17 characters (for generating test and demo data). */
    public static String completeUscc(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return first17 + usccCheckCharacter(sum);
    }

    private static char usccCheckCharacter(int weightedSum) {
        return USCC_CHARS.charAt((31 - weightedSum % 31) % 31);
    }

    public static boolean isValidCitizenId(String id) {
        if (id == null || id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == citizenIdCheck(id);
    }

    /** The full number for the first 17 digits (for generating test and demo data). */
    public static String completeCitizenId(String first17) {
        return first17 + citizenIdCheck(first17);
    }

    private static char citizenIdCheck(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }
}
