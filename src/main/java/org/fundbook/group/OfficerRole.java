package org.fundbook.group;

/** An attribute of a member, not a login. */
public enum OfficerRole {
    LEADER, SECRETARY, CASHIER, ACCOUNTANT, COMMITTEE
}
