package dk.vendepunkt.casework.web;

import dk.vendepunkt.platform.FormInput;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;

/**
 * Form dates in the casework pages bound to records (referral, screening, phase, closure, follow-up) are read by
 * {@link FormInput}, the one form binding: ISO {@code yyyy-MM-dd} (what {@code <input type="date">} sends); an
 * unreadable date is a problem of its field ({@code form.date}), shown next to it, and the save does not run.
 */
@ControllerAdvice(basePackages = "dk.vendepunkt.casework")
class CaseworkFormBinding {

    @InitBinder
    void dates(WebDataBinder binder, WebRequest request) {
        FormInput.bindDates(binder, request);
    }
}
