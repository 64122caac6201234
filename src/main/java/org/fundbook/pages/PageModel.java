package org.fundbook.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.fundbook.security.FundbookUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's layout needs: the language and its switch, and who is logged in. */
@ControllerAdvice(basePackages = "org.fundbook.pages")
class PageModel {

    /** The page's language ({@code km} or {@code en}) and the same address in each language. */
    record Language(String code, String km, String en) {
    }

    @ModelAttribute("language")
    Language language(HttpServletRequest request, Locale locale) {
        String code = PageConfiguration.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "km";
        return new Language(code, switchTo(request, "km"), switchTo(request, "en"));
    }

    @ModelAttribute("me")
    FundbookUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof FundbookUser user ? user : null;
    }

    private static String switchTo(HttpServletRequest request, String lang) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang)
                .build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }
}
