package org.fundbook.group;

/** Where a group is: the village, and the commune, district and province that PDoWA reports sum over. */
public record Location(String province, String district, String commune, String village) {
}
