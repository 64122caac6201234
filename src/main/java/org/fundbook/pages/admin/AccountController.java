package org.fundbook.pages.admin;

import java.util.Locale;
import org.fundbook.pages.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every logged-in user's own password ({@code /account/password}): the current one and a new one, sent by
 * {@code admin-account.js} to {@code PUT /api/v1/users/{me}/password}. The change ends every page session of the
 * user, this one too, so the page then asks them to log in again with the new password.
 */
@Controller
class AccountController {

    private final Words words;

    AccountController(Words words) {
        this.words = words;
    }

    @GetMapping("/account/password")
    String password(Locale locale, Model model) {
        model.addAttribute("words", words.json(locale, "account.", "refusal."));
        return "admin/password";
    }
}
