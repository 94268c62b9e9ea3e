package care.portal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the forms send to the API and how the API's problems come back to the fields. */
class FormsTest {

    @Test
    void aFilingCarriesOnlyTheFieldsOfItsTypeAndNoBlanks() {
        Form form = Form.of(Map.of("type", "CHANGE", "uscc", "91530102ma6k0000by", "contactPhone", "0871-65559999",
                "capacity", " ", "divisionCode", "530102", "siteAddress", "不该出现"));
        assertEquals(Map.of("type", "CHANGE", "uscc", "91530102MA6K0000BY", "contactPhone", "0871-65559999"),
                FilingPages.body(form));
    }

    @Test
    void aNumberThatIsNoneIsSaidAtItsFieldBeforeAnyRequest() {
        ApiError error = assertThrows(ApiError.class, () -> FilingPages.body(Form.of(Map.of("type", "NEW",
                "capacity", "六十"))));
        assertEquals(Map.of("capacity", "请填写整数"), error.fields);
        assertEquals(60, FilingPages.body(Form.of(Map.of("type", "NEW", "capacity", "60"))).get("capacity"));
    }

    @Test
    void problemViolationsGoToTheirFieldsAndTheRestUnderTheTitle() {
        ApiError error = ApiError.of(400, Map.of("title", "提交的数据未通过校验", "code", "VALIDATION_FAILED",
                "violations", List.of(Map.of("field", "capacity", "message", "床位/托位数超出合理范围"),
                        Map.of("field", "legalRepresentative", "message", "不能为空"))));
        Form form = Form.of(Map.of("capacity", "30000")).error(error);
        assertEquals("床位/托位数超出合理范围", form.e("capacity"));
        assertEquals("30000", form.v("capacity"));
        assertEquals(List.of("法定代表人：不能为空"), form.others());
        assertEquals("提交的数据未通过校验", form.title());
    }

    @Test
    void anAnswerWithoutProblemGetsATitleByStatus() {
        assertEquals("服务暂时不可用，请稍后再试", ApiError.of(503, null).title);
        assertFalse(Labels.INSTANCE.cities.isEmpty());
        assertEquals("五华区", Labels.INSTANCE.division("530102"));
    }
}
