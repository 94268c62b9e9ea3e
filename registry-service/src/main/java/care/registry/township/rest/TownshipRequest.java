package care.registry.township.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A township the city admin enters: its 9-digit code (starting with its county's) and its name. */
public record TownshipRequest(
        @NotNull(message = "请填写乡镇（街道）代码")
        @Pattern(regexp = "\\d{9}", message = "乡镇（街道）代码应为9位数字") String code,
        @NotBlank(message = "请填写乡镇（街道）名称") @Size(max = 60, message = "名称最多60个字") String name) {
}
