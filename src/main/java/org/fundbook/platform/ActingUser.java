package org.fundbook.platform;

/** Who is recording the current write: the name kept as {@code recordedBy} on its events. */
public interface ActingUser {

    String username();
}
