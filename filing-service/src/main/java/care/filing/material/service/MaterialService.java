package care.filing.material.service;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.filing.access.Access;
import care.filing.filing.domain.Filing;
import care.filing.filing.service.Workflow;
import care.filing.material.domain.Material;
import care.filing.material.domain.MaterialCatalogue;
import care.filing.material.domain.MaterialRepository;
import care.filing.material.domain.MaterialSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 申报材料 of a filing: uploaded by the applicant while the filing is a draft or returned, one file per
 * checklist item (a new upload replaces the old one). The type is sniffed from the bytes (Apache Tika's magic
 * numbers, the name plays no part) and must be PDF, JPEG or PNG; the size is limited; a SHA-256 is kept.
 */
@ApplicationScoped
@Transactional
public class MaterialService {

    static final Set<String> ALLOWED = Set.of("application/pdf", "image/jpeg", "image/png");

    private final MaterialRepository materials;
    private final Access access;
    private final MaterialCatalogue catalogue;
    private final Workflow workflow;
    private final Caller caller;
    private final int maxBytes;
    private final Tika tika = new Tika();

    public MaterialService(MaterialRepository materials, Access access, MaterialCatalogue catalogue,
                           Workflow workflow, Caller caller,
                           @ConfigProperty(name = "care.filing.material.max-bytes", defaultValue = "10485760") int maxBytes) {
        this.materials = materials;
        this.access = access;
        this.catalogue = catalogue;
        this.workflow = workflow;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    /** One line of a filing's checklist, with the file uploaded for it (if any). */
    public record ChecklistLine(MaterialCatalogue.Item item, MaterialSummary file) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChecklistLine> checklist(UUID filingId) {
        Filing filing = access.visible(filingId);
        Map<String, MaterialSummary> files = materials.summaries(filingId).stream()
                .collect(Collectors.toMap(MaterialSummary::code, Function.identity()));
        return catalogue.checklist(filing.institution.sector(), filing.type).stream()
                .map(item -> new ChecklistLine(item, files.get(item.code()))).toList();
    }

    public MaterialSummary upload(UUID filingId, String code, String fileName, InputStream body) {
        Filing filing = access.asApplicant(access.locked(filingId));
        MaterialCatalogue.Item item = catalogue.item(filing.institution.sector(), filing.type, code).orElseThrow(() ->
                ProblemException.invalid("code", "“" + code + "”不是此类备案的材料；请按材料清单上传"));
        if (!filing.status.isEditable()) {
            throw ProblemException.conflict("NOT_EDITABLE", "当前状态（" + filing.status.label + "）不能修改材料",
                    "materials can be changed while the filing is a draft or returned for correction");
        }
        String name = fileName == null || fileName.isBlank() ? code : fileName.strip();
        if (!validName(name)) {
            throw ProblemException.invalid("fileName", "文件名无效（最长255字符，不含路径和控制字符）");
        }
        byte[] bytes = read(body);
        if (bytes.length == 0) {
            throw ProblemException.invalid("file", "文件为空");
        }
        String detected = tika.detect(bytes);
        if (!ALLOWED.contains(detected)) {
            throw new ProblemException(Problem.of(415, "UNSUPPORTED_MATERIAL_TYPE", "材料文件类型不支持",
                    "the file's content is " + detected + "; only PDF, JPEG and PNG are accepted"));
        }
        Material material = materials.find(filingId, code).orElse(null);
        boolean created = material == null;
        if (created) {
            material = new Material();
            material.key = new Material.Key(filingId, code);
        }
        material.fileName = name;
        material.contentType = detected;
        material.sizeBytes = bytes.length;
        material.sha256 = sha256(bytes);
        material.content = bytes;
        material.uploadedBy = caller.name();
        material.uploadedAt = Instant.now();
        if (created) {
            materials.persist(material);
        }
        workflow.note(filing, "MATERIAL_UPLOAD", caller.name(),
                item.name() + "：" + name + "（" + bytes.length + " 字节，SHA-256 " + material.sha256 + "）",
                material.uploadedAt);
        return new MaterialSummary(code, material.fileName, material.contentType, material.sizeBytes,
                material.sha256, material.uploadedBy, material.uploadedAt);
    }

    public void delete(UUID filingId, String code) {
        Filing filing = access.asApplicant(access.locked(filingId));
        if (!filing.status.isEditable()) {
            throw ProblemException.conflict("NOT_EDITABLE", "当前状态（" + filing.status.label + "）不能修改材料",
                    "materials can be changed while the filing is a draft or returned for correction");
        }
        Material material = materials.find(filingId, code)
                .orElseThrow(() -> ProblemException.notFound("material", code));
        materials.delete(material);
        workflow.note(filing, "MATERIAL_DELETE", caller.name(), code + "：" + material.fileName, Instant.now());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Material download(UUID filingId, String code) {
        access.mayDownload(access.visible(filingId));
        return materials.find(filingId, code).orElseThrow(() -> ProblemException.notFound("material", code));
    }

    /**
     * A name shown to reviewers and sent back in Content-Disposition: no path, no control character (C0, DEL, C1), no
     * invisible format character (a right-to-left override makes "fdp.exe" look like "exe.pdf"), no line separator.
     */
    static boolean validName(String name) {
        return name.length() <= 255 && name.codePoints().noneMatch(c -> c == '/' || c == '\\'
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    private byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ProblemException(Problem.of(413, "MATERIAL_TOO_LARGE", "材料文件过大",
                        "a material may have at most " + maxBytes + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
