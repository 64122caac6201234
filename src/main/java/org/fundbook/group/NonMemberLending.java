package org.fundbook.group;

/** Whether the group lends to people outside it. */
public enum NonMemberLending {
    ALLOWED, DISABLED
}
