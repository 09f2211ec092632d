package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.VendepunktProperties;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a database without users, creates the administrator (password generated and printed once when not given). */
@Component
@Order(10)
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcStaffRepository repo;
    private final StaffAdministration admin;
    private final VendepunktProperties props;

    BootstrapAdmin(JdbcStaffRepository repo, StaffAdministration admin, VendepunktProperties props) {
        this.repo = repo;
        this.admin = admin;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repo.countUsers() > 0) return;
        var cfg = props.bootstrapAdmin();
        boolean generated = cfg.password() == null || cfg.password().isBlank();
        String password = generated ? randomPassword() : configured(cfg.password(), cfg.username());
        admin.createUser(new StaffAdministration.NewUser(cfg.username(), "Administrator", null, password,
                Set.of(Role.ADMIN), Set.of(), Set.of()));
        if (generated) {
            log.warn("\n\n  Created administrator '{}' with generated password: {}\n  It is shown only this once; change it after signing in.\n", cfg.username(), password);
        } else {
            log.info("Created administrator '{}' with the configured password", cfg.username());
        }
    }

    /** The configured password, refused (the start stops) when the password policy does not allow it. */
    static String configured(String password, String username) {
        PasswordPolicy.check(password, username).ifPresent(p -> {
            throw new IllegalStateException("vendepunkt.bootstrap-admin.password does not meet the password policy ("
                    + p.code() + "): " + PasswordPolicy.MIN_LENGTH + "-" + PasswordPolicy.MAX_LENGTH
                    + " characters, not a common password, not the username, not repeated or sequential characters");
        });
        return password;
    }

    /** 16 random characters (about 93 bits) that pass the password policy. */
    static public String randomPassword() {
        SecureRandom r = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            if (PasswordPolicy.isAcceptable(sb.toString(), null)) return sb.toString();
        }
    }
}
