package org.fundbook.group;

/** Why the Emergency Fund paid a family. */
public enum GrantReason {
    NATURAL_DISASTER, MEDICAL, FIRE, DEATH, SCHOOL_FEES, OTHER
}
