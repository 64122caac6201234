package org.fundbook.security;

import org.springframework.stereotype.Component;

/** The caller of the current request: name and scope. */
@Component
public class CurrentCaller {

    /** The name recorded when no user is authenticated (start-up tasks, the demo seed). */
    public static final String SYSTEM = "system";

    public String username() {
        return SYSTEM;
    }

    public CallerScope scope() {
        return CallerScope.ALL;
    }
}
