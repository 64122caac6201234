package org.fundbook.group.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.group.Membership;
import org.fundbook.group.OfficerRole;
import org.fundbook.group.Scheme;
import org.fundbook.group.Sex;

/**
 * Request bodies of the group's own endpoints, and what every feature's bodies share. Limits here are the 400s;
 * the domain rules are the aggregate's 422s.
 */
public final class Requests {

    public static final long MAX_RIEL = 1_000_000_000_000L;
    public static final String RIEL_RANGE = "must be a whole number of riel from 1 to 1,000,000,000,000";
    /** Cash counted in the box may be none at all. */
    public static final String COUNTED_RIEL_RANGE = "must be a whole number of riel from 0 to 1,000,000,000,000";

    private Requests() {
    }

    record LocationInput(@NotBlank @Size(max = 120) String province, @NotBlank @Size(max = 120) String district,
                         @NotBlank @Size(max = 120) String commune, @NotBlank @Size(max = 120) String village) {
    }

    record RegisterGroup(@NotNull UUID groupId, @NotBlank @Size(max = 200) String name, @NotNull Scheme scheme,
                         @NotNull @Valid LocationInput location, @NotNull LocalDate registeredOn, JsonNode policy) {
    }

    record ChangePolicy(@NotNull UUID transactionId, @NotNull LocalDate effectiveFrom, @NotNull JsonNode policy) {
    }

    public record RegisterMember(@NotNull UUID transactionId, UUID memberId, @NotBlank @Size(max = 200) String name,
                                 @NotNull Sex sex, @NotNull Membership membership, @NotNull LocalDate joinedOn,
                                 Boolean poorestFamily, OfficerRole officerRole, @Size(max = 120) String subgroup)
            implements Write.Request {
    }

    public record Capital(@NotNull UUID transactionId, @NotBlank @Size(max = 200) String source,
                          @NotNull @Min(value = 1, message = RIEL_RANGE) @Max(value = MAX_RIEL, message = RIEL_RANGE)
                          Long amount,
                          @NotNull LocalDate occurredOn) implements Write.Request {
    }

    /** A sum paid back: a loan's repayment, a grant's recovery. */
    public record Payment(@NotNull UUID transactionId,
                          @NotNull @Min(value = 1, message = RIEL_RANGE) @Max(value = MAX_RIEL, message = RIEL_RANGE)
                          Long amount,
                          @NotNull LocalDate occurredOn) implements Write.Request {
    }

    public record CashCount(@NotNull UUID transactionId,
                            @NotNull @Min(value = 0, message = COUNTED_RIEL_RANGE)
                            @Max(value = MAX_RIEL, message = COUNTED_RIEL_RANGE)
                            Long countedCash,
                            @NotNull LocalDate occurredOn) implements Write.Request {
    }

    public record Reversal(@NotNull UUID transactionId, @NotNull UUID reversedTransactionId,
                           @NotBlank @Size(max = 500) String reason, @NotNull LocalDate occurredOn)
            implements Write.Request {
    }
}
