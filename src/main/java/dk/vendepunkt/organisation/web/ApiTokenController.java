package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.internal.ApiTokens;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens: {@code /account/tokens} for a user's own personal tokens, {@code /admin/tokens} (ADMIN, see
 * SecurityConfiguration) for system tokens and every token. A created token's secret is rendered once, in the
 * answer to the POST, and never again.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final FormErrors formErrors;

    ApiTokenController(ApiTokens tokens, FormErrors formErrors) {
        this.tokens = tokens;
        this.formErrors = formErrors;
    }

    /** Which page: its URL and whether it administers every token. */
    private enum Page {
        ACCOUNT("/account/tokens"), ADMIN("/admin/tokens");

        final String path;

        Page(String path) {
            this.path = path;
        }
    }

    @GetMapping("/account/tokens")
    String account(Authentication auth, Model model) {
        return page(Page.ACCOUNT, auth, model);
    }

    @GetMapping("/admin/tokens")
    String admin(Authentication auth, Model model) {
        return page(Page.ADMIN, auth, model);
    }

    @PostMapping("/account/tokens")
    String createPersonal(@RequestParam String name, @RequestParam(required = false) List<Role> roles,
                          @RequestParam(required = false) LocalDate expires, Authentication auth, Model model) {
        return create(Page.ACCOUNT, name, roles, expires, auth, model);
    }

    @PostMapping("/admin/tokens")
    String createSystem(@RequestParam String name, @RequestParam(required = false) List<Role> roles,
                        @RequestParam(required = false) LocalDate expires, Authentication auth, Model model) {
        return create(Page.ADMIN, name, roles, expires, auth, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeOwn(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        tokens.revoke(id, auth.getName());
        return revoked(Page.ACCOUNT, redirect);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revokeAny(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, null);
        return revoked(Page.ADMIN, redirect);
    }

    private String revoked(Page page, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", formErrors.message("apiToken.revoked"));
        return "redirect:" + page.path;
    }

    private String create(Page page, String name, List<Role> roles, LocalDate expires, Authentication auth, Model model) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            var created = page == Page.ADMIN ? tokens.createSystem(name, chosen, expires)
                    : tokens.createPersonal(auth.getName(), name, chosen, expires);
            model.addAttribute("created", created);
            model.addAttribute("flash", formErrors.message("apiToken.created", name.trim()));
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", Map.of("name", name, "roles", List.copyOf(chosen), "expires", expires == null ? "" : expires.toString()));
        }
        return page(page, auth, model);
    }

    private String page(Page page, Authentication auth, Model model) {
        model.addAttribute("admin", page == Page.ADMIN);
        model.addAttribute("action", page.path);
        model.addAttribute("tokens", page == Page.ADMIN ? tokens.all() : tokens.of(auth.getName()));
        model.addAttribute("now", tokens.now());
        model.addAttribute("maxDays", tokens.maxDays());
        model.addAttribute("roles", page == Page.ADMIN ? List.of(Role.values()) : auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> Role.valueOf(a.substring(5))).sorted().toList());
        return "admin/api-tokens";
    }
}
