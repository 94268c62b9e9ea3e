package care.portal;

import care.portal.client.RegistryClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 变更备案: the form starts from what is filed, and the reviewer sees it beside what is filed. */
class FilingChangeTest {

    @Test
    void aChangeStartsFromTheFiledFactsAndTheMainSitesCapacity() {
        var main = new RegistryClient.Site("s1", true, "主场所", "五华区", null, "学府路1号", "530102-2026-000001", 60,
                null, null, List.of(), null, 1L, "530102");
        var added = new RegistryClient.Site("s2", false, "分场所", "五华区", null, "学府路2号", "530102-2026-000002", 30,
                null, null, List.of(), null, 1L, "530102");
        var filed = new RegistryClient.Institution("i", "91530102MA6K0000BY", "童心托育", "CHILDCARE", "托育",
                "FULL_DAYCARE", "全托育机构", "PRIVATE", "民办", "530100", "530102", "五华区", "学府路1号", "张三",
                null, "0871-65550202", null, 90, false, false, "FILED", "530102-2026-000001", "2026-01-05",
                List.of(added, main), 3L);
        Form form = FilingPages.filedValues(Form.empty().set("type", "CHANGE"), filed);
        assertEquals("童心托育", form.v("institutionName"));
        assertEquals("FULL_DAYCARE", form.v("kind"));
        assertEquals("PRIVATE", form.v("ownership"));
        assertEquals("学府路1号", form.v("address"));
        assertEquals("张三", form.v("legalRepresentative"));
        assertEquals("0871-65550202", form.v("contactPhone"));
        assertEquals("60", form.v("capacity"), "the main site's, not the whole institution's 90");
    }

    @Test
    void aReviewerSeesAChangeBesideTheFiledFactsWithTheChangedOnesMarked() {
        var main = new RegistryClient.Site("s1", true, "主场所", "五华区", null, "学府路1号", null, 60, null, null,
                List.of(), null, 1L, "530102");
        var filed = new RegistryClient.Institution("i", "91530102MA6K0000BY", "童心托育", "CHILDCARE", "托育",
                "FULL_DAYCARE", "全托育机构", "PRIVATE", "民办", "530100", "530102", "五华区", "学府路1号", "张三",
                null, "0871-65550202", null, 60, false, false, "FILED", null, null, List.of(main), 3L);
        var change = new care.portal.client.FilingClient.Filing("f", "CHANGE", "CHILDCARE", "SUBMITTED", "已提交",
                "91530102MA6K0000BY", "童心托育", "FULL_DAYCARE", "PRIVATE", "530100", "530102", "学府路9号", "张三",
                null, 80, null, null, null, null, null, null, null, false, List.of(), null, null, List.of());
        var lines = FilingView.changes(filed, change);
        assertEquals(List.of(
                new FilingView.Change("机构名称", "童心托育", "童心托育", false),
                new FilingView.Change("机构类型", "全托育机构", "全托育机构", false),
                new FilingView.Change("举办性质", "民办", "民办", false),
                new FilingView.Change("地址", "学府路1号", "学府路9号", true),
                new FilingView.Change("法定代表人", "张三", "张三", false),
                new FilingView.Change("联系电话", "0871-65550202", "0871-65550202", false),
                new FilingView.Change("床位/托位数", "60", "80", true)), lines);
        assertEquals(null, FilingView.changes(null, change), "nothing filed to compare with");
    }
}
