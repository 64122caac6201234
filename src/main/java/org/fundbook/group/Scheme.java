package org.fundbook.group;

/** The two kinds of fund: an FSF village fund or a CEDAC savings group. */
public enum Scheme {
    FSF, CEDAC
}
