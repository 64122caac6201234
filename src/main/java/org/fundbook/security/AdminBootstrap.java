package org.fundbook.security;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The {@code admin} login exists from the first start. Its password is FUNDBOOK_ADMIN_PASSWORD when that is
 * set (and follows it when it changes); otherwise one is generated at the first start and printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    AdminBootstrap(UserStore users, PasswordEncoder encoder,
                   @Value("${fundbook.admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = !configuredPassword.isBlank();
        var existing = users.find(ADMIN);
        if (existing.isPresent()) {
            if (configured && !encoder.matches(configuredPassword, existing.get().passwordHash())) {
                users.changePassword(ADMIN, encoder.encode(configuredPassword), "PASSWORD_RESET",
                        CurrentCaller.SYSTEM);
                log.info("The password of user '{}' was set from FUNDBOOK_ADMIN_PASSWORD", ADMIN);
            }
            return;
        }
        String password = configured ? configuredPassword : generate();
        if (users.create(ADMIN, encoder.encode(password), Role.ADMIN, Set.of(), Set.of(), CurrentCaller.SYSTEM)
                && !configured) {
            log.warn("Created user '{}' with the generated password: {}  (shown this once; set "
                    + "FUNDBOOK_ADMIN_PASSWORD to choose it)", ADMIN, password);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
