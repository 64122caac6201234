package org.fundbook.security;

/** What a login may do; CASHIER and LEADER are scoped to groups, ACCOUNTANT to provinces, ADMIN to everything. */
public enum Role {
    ADMIN,
    ACCOUNTANT,
    LEADER,
    CASHIER
}
