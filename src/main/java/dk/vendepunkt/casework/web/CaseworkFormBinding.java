package dk.vendepunkt.casework.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form dates in the casework pages (core and plan) are ISO {@code yyyy-MM-dd} (what {@code <input type="date">}
 * sends). A blank or unreadable date binds as null, so the domain's validation answers with a Danish message
 * instead of a bare 400.
 */
@ControllerAdvice(basePackages = "dk.vendepunkt.casework")
class CaseworkFormBinding {

    @InitBinder
    void dates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                try {
                    setValue(text == null || text.isBlank() ? null : LocalDate.parse(text.trim()));
                } catch (DateTimeParseException e) {
                    setValue(null);
                }
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }
}
