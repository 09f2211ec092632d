package dk.vendepunkt.people;

import dk.vendepunkt.platform.DatabaseConfiguration.DatabaseMode;
import dk.vendepunkt.platform.VendepunktProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CPR numbers at rest: AES-256-GCM (random 96-bit IV stored before the ciphertext) and an HMAC-SHA256
 * blind index for exact lookup. Keys come from {@code vendepunkt.cpr-key} / {@code vendepunkt.cpr-hmac-key}
 * (base64, 32 bytes); on the embedded default a development key pair is generated into the data dir.
 * An external database without configured keys refuses to start.
 */
@Component
class CprVault {

    private static final Logger log = LoggerFactory.getLogger(CprVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec aesKey;
    private final SecretKeySpec macKey;

    CprVault(VendepunktProperties props, DatabaseMode mode) {
        String enc = props.cprKey();
        String mac = props.cprHmacKey();
        if (isBlank(enc) || isBlank(mac)) {
            if (!mode.embedded()) {
                throw new IllegalStateException("vendepunkt.cpr-key and vendepunkt.cpr-hmac-key must be configured (base64, 32 bytes each) when an external database is used");
            }
            List<String> keys = devKeys(props.dataDir().resolve("keys/cpr.keys"));
            enc = isBlank(enc) ? keys.get(0) : enc;
            mac = isBlank(mac) ? keys.get(1) : mac;
        }
        this.aesKey = new SecretKeySpec(decode(enc, "vendepunkt.cpr-key"), "AES");
        this.macKey = new SecretKeySpec(decode(mac, "vendepunkt.cpr-hmac-key"), "HmacSHA256");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] decode(String b64, String name) {
        byte[] k = Base64.getDecoder().decode(b64.trim());
        if (k.length != 32) throw new IllegalStateException(name + " must be 32 bytes (base64)");
        return k;
    }

    private static List<String> devKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] a = new byte[32];
                byte[] b = new byte[32];
                RANDOM.nextBytes(a);
                RANDOM.nextBytes(b);
                Files.write(file, List.of(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b)));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                log.warn("Generated a development CPR key pair in {} (configure vendepunkt.cpr-key and vendepunkt.cpr-hmac-key in production)", file);
            }
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] encrypt(CprNumber cpr) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    CprNumber decrypt(byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, stored, 0, 12));
            return new CprNumber(new String(c.doFinal(stored, 12, stored.length - 12), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR could not be decrypted (wrong key?)", e);
        }
    }

    /** The blind index: same number (either form) gives the same hash. */
    String hash(CprNumber cpr) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(macKey);
            return HexFormat.of().formatHex(m.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
