package org.fundbook.platform;

import org.springframework.stereotype.Component;

/** Who is recording: the authenticated user's name, kept as {@code recordedBy} on every event. */
@Component
public class Actor {

    /** The name recorded when no user is authenticated (start-up tasks, the demo seed). */
    public static final String SYSTEM = "system";

    public String username() {
        return SYSTEM;
    }
}
