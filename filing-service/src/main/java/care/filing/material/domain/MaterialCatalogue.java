package care.filing.material.domain;

import care.contracts.event.Sector;
import care.filing.filing.domain.FilingType;
import care.filing.rules.Tsv;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 申报材料 checklist per sector and filing type, from {@code filing/materials.tsv} (sources named there). */
@ApplicationScoped
public class MaterialCatalogue {

    /** One checklist item. */
    public record Item(Sector sector, FilingType type, String code, boolean required, String name, String source) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    public MaterialCatalogue() {
        for (String[] row : Tsv.read("filing/materials.tsv", 6)) {
            Item item = new Item(Sector.valueOf(row[0]), FilingType.valueOf(row[1]), row[2],
                    switch (row[3]) {
                        case "yes" -> true;
                        case "no" -> false;
                        default -> throw new IllegalStateException("materials.tsv: required is yes or no: " + row[3]);
                    }, row[4], row[5]);
            if (items.put(key(item.sector(), item.type(), item.code()), item) != null) {
                throw new IllegalStateException("materials.tsv lists " + item.code() + " twice for "
                        + item.sector() + "/" + item.type());
            }
        }
    }

    public List<Item> checklist(Sector sector, FilingType type) {
        return items.values().stream().filter(i -> i.sector() == sector && i.type() == type).toList();
    }

    public Optional<Item> item(Sector sector, FilingType type, String code) {
        return Optional.ofNullable(items.get(key(sector, type, code)));
    }

    private static String key(Sector sector, FilingType type, String code) {
        return sector + "/" + type + "/" + code;
    }
}
