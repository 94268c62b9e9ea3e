package care.filing.material.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One uploaded 申报材料 of a filing, stored in PostgreSQL with its SHA-256 and the type sniffed from its bytes. */
@Entity
@Table(name = "filing_material")
public class Material {

    @Embeddable
    public static class Key implements Serializable {
        public UUID filingId;
        public String code;

        public Key() {
        }

        public Key(UUID filingId, String code) {
            this.filingId = filingId;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(filingId, k.filingId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filingId, code);
        }
    }

    @EmbeddedId
    public Key key;
    public String fileName;
    public String contentType;
    public int sizeBytes;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String sha256;
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    public String uploadedBy;
    public Instant uploadedAt;
}
