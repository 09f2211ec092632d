package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.internal.PasswordChange;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own password ({@code /account/password}, every role; linked in the header). */
@Controller
class AccountController {

    private final PasswordChange passwords;
    private final FormErrors formErrors;

    AccountController(PasswordChange passwords, FormErrors formErrors) {
        this.passwords = passwords;
        this.formErrors = formErrors;
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String newPasswordRepeat, Authentication auth,
                          HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            int version = passwords.change(auth.getName(), currentPassword, newPassword, newPasswordRepeat);
            PasswordChange.keep(request, version);
            redirect.addFlashAttribute("flash", formErrors.message("account.password.changed"));
            return "redirect:/account/password";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            return "account/password";
        }
    }
}
