package org.fundbook.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against the stored adaptive hash, and slows guessing: after
 * {@value #FAILURE_LIMIT} failures in a row a login is locked for {@link #LOCK_DURATION}, whatever password
 * comes next.
 *
 * <p>An adaptive hash costs tens of milliseconds by design, and Basic sends the password with every request.
 * So a verified password is remembered for a few minutes as a keyed HMAC (key random per process, never
 * stored), bound to the stored hash so a password change forgets it. The user row (role, scope, lock, enabled,
 * password hash) is trusted for at most {@link #REREAD} before it is read again: that is the bound within which
 * a disable or a password change made on another node takes effect here. On the node that makes the change,
 * {@link #forget} drops the user's remembered credentials at once (decision 0005).
 */
class BasicLoginProvider implements AuthenticationProvider {

    static final int FAILURE_LIMIT = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Duration REMEMBER = Duration.ofMinutes(5);
    /** How long a verified caller's user row (role, scope, lock) is trusted before it is read again. */
    static final Duration REREAD = Duration.ofSeconds(10);

    /** A password verified until {@code until}; the user row as read at {@code readAt}. */
    private record Verified(byte[] mac, Instant until, FundbookUser user, Instant readAt) {
    }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final String dummyHash;

    BasicLoginProvider(UserStore users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
        this.dummyHash = encoder.encode("not a password of anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Instant now = clock.instant();
        Verified recent = verified.get(username);
        if (recent != null && recent.readAt().plus(REREAD).isAfter(now) && recent.until().isAfter(now)
                && MessageDigest.isEqual(recent.mac(), mac(username, password, recent.user().passwordHash()))) {
            return UsernamePasswordAuthenticationToken.authenticated(recent.user().withoutPassword(), null,
                    recent.user().getAuthorities());
        }
        FundbookUser user = users.find(username).orElse(null);
        if (user == null || !user.enabled()) {
            // same cost as a real check: no hint that the name is unknown or disabled
            encoder.matches(password, dummyHash);
            verified.remove(username);
            throw new BadCredentialsException("Bad credentials");
        }
        if (user.lockedAt(now)) {
            throw new LockedException("Too many failed logins; try again later");
        }
        byte[] mac = mac(username, password, user.passwordHash());
        Verified remembered = verified.get(username);
        boolean ok = remembered != null && remembered.until().isAfter(now)
                && MessageDigest.isEqual(remembered.mac(), mac);
        if (!ok) {
            ok = encoder.matches(password, user.passwordHash());
            if (ok) {
                remembered = new Verified(mac, now.plus(REMEMBER), user, now);
            }
        }
        if (!ok) {
            verified.remove(username);
            users.recordFailure(username, FAILURE_LIMIT, now.plus(LOCK_DURATION));
            throw new BadCredentialsException("Bad credentials");
        }
        verified.put(username, new Verified(mac, remembered.until(), user, now));
        users.recordSuccess(user);
        return UsernamePasswordAuthenticationToken.authenticated(user.withoutPassword(), null,
                user.getAuthorities());
    }

    /** Forgets what was verified about this user: the next request reads the user row and checks the password. */
    void forget(String username) {
        verified.remove(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] mac(String username, String password, String storedHash) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(password.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(storedHash.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
