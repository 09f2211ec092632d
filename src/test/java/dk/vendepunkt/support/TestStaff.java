package dk.vendepunkt.support;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Creates uniquely named teams and users for a test (the test database is shared by all tests). */
@Component
public class TestStaff {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final StaffAdministration admin;

    TestStaff(StaffAdministration admin) {
        this.admin = admin;
    }

    public record User(long id, String username, String password, Set<Long> teams) {}

    public long team(String prefix) {
        return admin.createTeam(prefix + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet(), "SOF", null);
    }

    public User user(Role role, Long... teams) {
        return user(role, Set.of(StaffFunction.SSP_CONSULTANT), teams);
    }

    public User user(Role role, Set<StaffFunction> functions, Long... teams) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet() + "-" + (System.nanoTime() % 100000);
        long id = admin.createUser(new StaffAdministration.NewUser(name, "Test " + name, null, PASSWORD, Set.of(role),
                functions, Set.of(teams)));
        return new User(id, name, PASSWORD, Set.of(teams));
    }

    /** A CPR number no other call in this JVM returns (the test database is clean per JVM). */
    public static String uniqueCpr() {
        int n = SEQ.incrementAndGet();
        int serial = n % 4000;            // 7th digit 0-3: born in the 1900s
        int rest = n / 4000;
        int day = 1 + rest % 28;
        int month = 1 + (rest / 28) % 12;
        int yy = 70 + (rest / 336) % 30;
        return String.format("%02d%02d%02d-%04d", day, month, yy, serial);
    }

    /** A CPR number with this birth date (1937-2036) no other call in this JVM returns. */
    public static String uniqueCpr(java.time.LocalDate birth) {
        int n = SEQ.incrementAndGet() % 1000;
        int y = birth.getYear();
        int seventh = y >= 2000 ? 4 : 0;   // 4: 2000-2036 (yy <= 36), 0: the 1900s
        return String.format("%02d%02d%02d-%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), y % 100, seventh, n);
    }
}
