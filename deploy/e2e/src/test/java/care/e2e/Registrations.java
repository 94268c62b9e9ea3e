package care.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh institutions for 机构注册: valid USCCs (GB 32100 check character), mobile numbers, registration bodies. */
final class Registrations {

    static final String PASSWORD = "Kangle-2026-yanglao";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Registrations() {
    }

    /** 52 (民办非企业单位) + the county + nine random digits + the check character. */
    static String uscc(String county) {
        String first17 = "52" + county + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return first17 + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    static String mobile() {
        return "138" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    static Map<String, Object> registration(String uscc, String county, String sector, String mobile) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("institutionName", "会泽县颐康养老院" + mobile.substring(7));
        body.put("sector", sector);
        body.put("divisionCode", county);
        body.put("legalRepresentative", "王芳");
        body.put("operatorName", "李明");
        body.put("mobile", mobile);
        body.put("password", PASSWORD);
        return body;
    }
}
