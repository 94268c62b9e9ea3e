package care.portal;

import io.quarkus.qute.TemplateData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user typed and what was wrong with it: a page re-rendered after a refusal shows every value again and
 * each message beside its field, so nothing typed is lost.
 */
@TemplateData
public final class Form {

    private final Map<String, String> values = new LinkedHashMap<>();
    private ApiError error;

    public static Form empty() {
        return new Form();
    }

    public static Form of(Map<String, ?> values) {
        Form form = new Form();
        values.forEach((k, v) -> {
            if (v != null) {
                form.values.put(k, v instanceof java.util.List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.get(0))) : String.valueOf(v));
            }
        });
        return form;
    }

    public Form set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public Form error(ApiError error) {
        this.error = error;
        return this;
    }

    /** The value of a field, or "". */
    public String v(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean is(String name, Object value) {
        return v(name).equals(String.valueOf(value));
    }

    /** A checkbox of a group (the values kept comma-separated). */
    public boolean has(String name, Object value) {
        return java.util.Arrays.asList(v(name).split(",")).contains(String.valueOf(value));
    }

    /** The message for a field, or null. */
    public String e(String name) {
        return error == null ? null : error.fields.get(name);
    }

    public String em(String materialCode) {
        return e("materials." + materialCode);
    }

    public String mv(String materialCode) {
        return v("m." + materialCode);
    }

    public boolean fieldIs(Object row, Object field) {
        return v("field" + row).equals(String.valueOf(field));
    }

    public String reason(Object row) {
        return v("reason" + row);
    }

    public boolean failed() {
        return error != null;
    }

    public String title() {
        return error == null ? null : error.title;
    }

    public String detail() {
        return error == null ? null : error.detail;
    }

    /** Messages not placed at a field of this form. */
    public java.util.List<String> others() {
        return error == null ? java.util.List.of() : error.fields.entrySet().stream()
                .filter(e -> !values.containsKey(e.getKey()) && !e.getKey().startsWith("materials."))
                .map(e -> Labels.INSTANCE.field(e.getKey()) + "：" + e.getValue()).toList();
    }

    public Map<String, String> values() {
        return values;
    }
}
