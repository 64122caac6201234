package org.fundbook.group;

/** As recorded on the group's paper register. */
public enum Sex {
    F, M
}
