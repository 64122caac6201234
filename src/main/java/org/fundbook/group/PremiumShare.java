package org.fundbook.group;

import java.util.UUID;

/** One member's weight at a closing and the premium it earns. */
public record PremiumShare(UUID memberId, long weight, long premium) {
}
