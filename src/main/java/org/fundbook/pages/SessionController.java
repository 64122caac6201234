package org.fundbook.pages;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page's script asks here for the session's CSRF token before it writes through the API (a page kept on a
 * phone for a week holds an old one). Without a live session the answer is the redirect to the login page, which
 * the script reads as "log in again".
 */
@RestController
class SessionController {

    @GetMapping("/session/csrf")
    ResponseEntity<Map<String, String>> csrf(CsrfToken token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("headerName", token.getHeaderName(), "token", token.getToken()));
    }
}
