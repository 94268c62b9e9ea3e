package care.registry.township.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A township's new name (its code never changes: a new code is a new township, the old one retired). */
public record TownshipRename(
        @NotBlank(message = "请填写乡镇（街道）名称") @Size(max = 60, message = "名称最多60个字") String name) {
}
