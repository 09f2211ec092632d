package dk.vendepunkt.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    static String code(String password, String username) {
        return PasswordPolicy.check(password, username).map(FieldProblem::code).orElse("ok");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the examples of the issue
            "'            '          | anna   | user.password.trivial",
            "aaaaaaaaaaaa            | anna   | user.password.trivial",
            "123456789012            | anna   | user.password.trivial",
            "passwordpassword        | anna   | user.password.trivial",
            "anna.hansen.vp          | anna.hansen.vp | user.password.username",
            // too short, too long (bcrypt reads at most 72 bytes)
            "kort                    | anna   | user.password.tooShort",
            "hest-bil-sol            | anna   | ok",
            // sequences and keyboard walks
            "abcdefghijklm           | anna   | user.password.trivial",
            "abcd1234efgh            | anna   | user.password.trivial",
            "qwertyuiopå1            | anna   | user.password.trivial",
            "987654321098            | anna   | user.password.trivial",
            "abcabcabcabc            | anna   | user.password.trivial",
            // the list, also with digits and symbols around and look-alike digits
            "password1234            | anna   | user.password.common",
            "P@ssw0rd2024!           | anna   | user.password.common",
            "Sommerferie2024         | anna   | user.password.common",
            "123456Velkommen!        | anna   | user.password.common",
            "1qaz2wsx3edc            | anna   | user.password.common",
            "Adgangskode1234         | anna   | user.password.common",
            "Vendepunkt2026!         | anna   | user.password.common",
            // the username, also with a year behind it
            "Anna.Hansen2025         | anna.hansen | user.password.username",
            // good ones: long, no composition rules needed
            "correct-horse-battery   | anna   | ok",
            "min hund hedder Fido    | anna   | ok",
            "tre små grise bygger huse | anna | ok",
            "Kq7vN2xLp9Rt            | anna   | ok",
    })
    void rules(String password, String username, String expected) {
        assertThat(code(password, username)).as(password).isEqualTo(expected);
    }

    @Test
    void lengthIsCountedInCharactersAndCappedAt72Bytes() {
        assertThat(code("x".repeat(11) + "y", "anna")).isEqualTo("user.password.trivial");
        assertThat(code("hest bil sol ".repeat(5).substring(0, 64), "anna")).isEqualTo("ok");    // 64 characters
        assertThat(code("hest bil sol ".repeat(5), "anna")).isEqualTo("user.password.tooLong");      // 65 characters
        assertThat(code("blåbærgrød med fløde og æblemost på søndag", "anna")).isEqualTo("ok");       // 42 characters, 49 bytes
        assertThat(code("blåbærgrød med fløde og æblemost på søndag, også på fødselsdag ", "anna"))  // 63 characters, 73 bytes
                .isEqualTo("user.password.tooLong");
        assertThat(code("æøåæøåæøåæø", "anna")).isEqualTo("user.password.tooShort");             // 11 characters, 22 bytes
        assertThat(PasswordPolicy.check("kort", "anna").orElseThrow().field()).isEqualTo("password");
        assertThat(PasswordPolicy.check("kort", "anna").orElseThrow().args()).containsExactly(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void generatedPasswordsPass(int ignored) {
        String p = BootstrapAdmin.randomPassword();
        assertThat(p).hasSize(16);
        assertThat(PasswordPolicy.isAcceptable(p, "admin")).isTrue();
    }

    @Test
    void aWeakBootstrapAdministratorPasswordStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BootstrapAdmin.configured("adminadmin123", "admin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("user.password.common")
                .hasMessageNotContaining("adminadmin123");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BootstrapAdmin.configured("administrator", "administrator"))
                .hasMessageContaining("user.password.username");
        assertThat(BootstrapAdmin.configured("test-admin-password", "admin")).isEqualTo("test-admin-password");
    }

    @Test
    void theShippedListIsLoaded() {
        assertThat(code("iloveyou1234", null)).isEqualTo("user.password.common");
        assertThat(code("Kodeord-2024", null)).isEqualTo("user.password.common");
        assertThat(code("hemmelighed!!", null)).isEqualTo("user.password.common");
    }
}
