package org.fundbook.group;

/** A member saves, borrows at the member rate and shares premiums; a non-member only borrows. */
public enum Membership {
    MEMBER, NON_MEMBER
}
