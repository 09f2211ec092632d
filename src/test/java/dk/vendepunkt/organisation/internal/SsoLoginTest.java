package dk.vendepunkt.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in options: local login only by default, and never no way in at all. */
class SsoLoginTest {

    private final DefaultListableBeanFactory noSso = new DefaultListableBeanFactory();

    @Test
    void withoutSingleSignOnTheFormIsTheWayIn() {
        var login = new SsoConfiguration().ssoLogin(noSso.getBeanProvider(ClientRegistrationRepository.class), true);
        assertThat(login.localLogin()).isTrue();
        assertThat(login.ssoLinks()).isEmpty();
    }

    @Test
    void switchingLocalLoginOffWithoutSingleSignOnStopsTheStart() {
        assertThatThrownBy(() -> new SsoConfiguration().ssoLogin(noSso.getBeanProvider(ClientRegistrationRepository.class), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vendepunkt.auth.local-login=false");
    }
}
