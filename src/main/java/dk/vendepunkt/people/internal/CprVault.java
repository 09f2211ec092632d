package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.SecretKeys;
import dk.vendepunkt.platform.VendepunktProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * CPR numbers at rest: AES-256-GCM (random 96-bit IV stored before the ciphertext) and an HMAC-SHA256
 * blind index for exact lookup. Keys come from {@code vendepunkt.cpr-key} / {@code vendepunkt.cpr-hmac-key}
 * (base64, 32 bytes); on the embedded default a development key pair is generated into the data dir.
 * An external database without configured keys refuses to start.
 */
@Component
class CprVault {

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
            List<String> keys = SecretKeys.devKeys(props.dataDir().resolve("keys/cpr.keys"), 2, "vendepunkt.cpr-key and vendepunkt.cpr-hmac-key");
            enc = isBlank(enc) ? keys.get(0) : enc;
            mac = isBlank(mac) ? keys.get(1) : mac;
        }
        this.aesKey = new SecretKeySpec(SecretKeys.decode(enc, "vendepunkt.cpr-key"), "AES");
        this.macKey = new SecretKeySpec(SecretKeys.decode(mac, "vendepunkt.cpr-hmac-key"), "HmacSHA256");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
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
