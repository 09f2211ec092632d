package dk.vendepunkt.audit.internal;

import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.SecretKeys;
import dk.vendepunkt.platform.VendepunktProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The HMAC key of the audit chain and of its checkpoints, kept outside the database like the CPR keys:
 * {@code vendepunkt.audit-key} (base64, 32 bytes), required with an external database; on the embedded
 * default a development key is generated into {@code data/keys/audit.key}.
 */
@Component
class AuditKey {

    private final SecretKeySpec key;

    AuditKey(VendepunktProperties props, DatabaseMode mode) {
        String b64 = props.auditKey();
        if (b64 == null || b64.isBlank()) {
            if (!mode.embedded()) {
                throw new IllegalStateException("vendepunkt.audit-key must be configured (base64, 32 bytes) when an external database is used");
            }
            b64 = SecretKeys.devKeys(props.dataDir().resolve("keys/audit.key"), 1, "vendepunkt.audit-key").get(0);
        }
        this.key = new SecretKeySpec(SecretKeys.decode(b64, "vendepunkt.audit-key"), "HmacSHA256");
    }

    /** Hex HMAC-SHA256 of the text. */
    String mac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
