package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * 不可撤销的操作先问一次: the one way every irreversible step asks. Its button posts the form as always; the handler
 * asks {@link #given} and, while the form does not carry {@code confirmed=yes}, answers with a page that says in plain
 * words what will happen, shows what was typed, and holds the same form again with {@code confirmed=yes} and a way
 * back. A page of its own rather than a script's dialog: it works the same without JavaScript, at any text size and
 * with a screen reader (the question is the page's heading), and there is one code path to test.
 */
@RequestScoped
public class Confirm {

    /** Each irreversible step: the question, what follows in plain words, and the button that does it. */
    @TemplateData
    public enum Step {
        WITHDRAW("撤回这份备案申请吗？", "撤回后这份申请就结束了，不能再提交。如果还要备案，需要重新填写一份。", "确认撤回"),
        DELETE_DRAFT("删除这份草稿吗？", "草稿和已上传的材料都会删除，不能恢复。", "确认删除"),
        ACCEPT("受理这份备案吗？", "受理后开始审核，申请人会看到“已受理”。受理不能撤销。", "确认受理"),
        APPROVE("准予备案吗？", "准予后即出具备案回执，机构可在公众查询中查到。这一决定不能撤销。", "确认准予备案"),
        REJECT("作出不予备案决定吗？", "不予备案后这份申请就结束了，申请人只能重新申请。这一决定不能撤销。"
                + "如果只是材料或信息需要补充、修改，请返回，选择“退回补正”。", "确认不予备案"),
        STAFF_LEAVE("登记此人离职吗？", "登记后此人不再算作在职人员，不能撤销。", "确认登记离职"),
        BATCH_APPROVE("审核通过这一批次吗？", "通过后等待另一位人员下达财政。审核通过不能撤销。", "确认审核通过"),
        BATCH_REJECT("驳回这一批次吗？", "驳回后这一批次不再审核或下达，需要重新生成。驳回不能撤销。", "确认驳回"),
        BATCH_RELEASE("下达财政吗？", "下达后各笔补贴交由财政拨付。下达不能撤销。", "确认下达财政"),
        ACCOUNT_DISABLE("停用这个账号吗？", "停用后此人立即退出登录，不能再登录，直到您再次启用。", "确认停用"),
        OPERATOR_REMOVE("删除这个经办人吗？", "删除后此人立即退出登录，不能再登录，不能恢复；以后需要时请重新添加。", "确认删除"),
        REGISTRATION_REFUSE("不予确认这一注册吗？", "不予确认后申请人不能再用这一注册办理业务，不能撤销。", "确认不予确认"),
        TOWNSHIP_RETIRE("停用这个乡镇（街道）吗？", "停用后机构不能再为场所选择它；已选了它的场所保持不变。停用不能撤销，"
                + "需要时请以新的代码重新录入。", "确认停用");

        public final String question;
        public final String consequence;
        public final String button;

        Step(String question, String consequence, String button) {
            this.question = question;
            this.consequence = consequence;
            this.button = button;
        }
    }

    /** A field of the form, carried to the confirmation; shown there under its label when it has one and a value. */
    @TemplateData
    public record Field(String name, String label, String value) {
        public Field {
            value = value == null ? "" : value;
        }

        public boolean shown() {
            return label != null && !value.isBlank();
        }
    }

    private final Template page;
    private final Views views;
    private final HttpServerRequest request;

    public Confirm(@Location("confirm.html") Template page, Views views, HttpServerRequest request) {
        this.page = page;
        this.views = views;
        this.request = request;
    }

    /** Whether the user has answered the confirmation (the form came from the confirmation page). */
    public static boolean given(String confirmed) {
        return "yes".equals(confirmed);
    }

    /** The confirmation: the same form again, posted to the address this one was posted to; {@code back} cancels. */
    public Response ask(Step step, String back, Field... fields) {
        return views.html(200, views.page(page).data("step", step).data("action", request.path())
                .data("back", back).data("fields", List.of(fields)));
    }
}
