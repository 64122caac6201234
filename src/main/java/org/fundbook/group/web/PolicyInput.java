package org.fundbook.group.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import org.fundbook.group.Policy;
import org.fundbook.group.PolicyPatch;
import org.fundbook.group.Scheme;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Reads a full or partial policy from a request: the fields given replace those of the base (the scheme's
 * defaults at registration, the policy in force at a change); lists and the allocation are replaced whole.
 */
@Component
class PolicyInput {

    private static final Set<String> FIELDS = Set.of("memberMonthlyRateBp", "nonMemberLending", "nonMemberRates",
            "interestMethod", "maxLoanPrincipal", "maxTermMonths", "minInitialContribution", "interestAllocation",
            "closingCycleMonths", "suspendLendingDuringClosing", "premiumBasis");
    private static final Set<String> NULLABLE = Set.of("maxLoanPrincipal", "minInitialContribution");

    private final ObjectMapper json;

    PolicyInput(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The fields a change gives, checked (400) without reading the group: each field's limits stand alone, so
     * checking them on top of any valid policy is checking them.
     */
    PolicyPatch patch(JsonNode patch) {
        Policy checked = merge(Policy.defaultsFor(Scheme.FSF), patch);
        return new PolicyPatch(
                given(patch, "memberMonthlyRateBp") ? checked.memberMonthlyRateBp() : null,
                given(patch, "nonMemberLending") ? checked.nonMemberLending() : null,
                given(patch, "nonMemberRates") ? checked.nonMemberRates() : null,
                given(patch, "interestMethod") ? checked.interestMethod() : null,
                given(patch, "maxLoanPrincipal") ? Optional.ofNullable(checked.maxLoanPrincipal()) : null,
                given(patch, "maxTermMonths") ? checked.maxTermMonths() : null,
                given(patch, "minInitialContribution") ? Optional.ofNullable(checked.minInitialContribution()) : null,
                given(patch, "interestAllocation") ? checked.interestAllocation() : null,
                given(patch, "closingCycleMonths") ? checked.closingCycleMonths() : null,
                given(patch, "suspendLendingDuringClosing") ? checked.suspendLendingDuringClosing() : null,
                given(patch, "premiumBasis") ? checked.premiumBasis() : null);
    }

    /** The patch as it counts for idempotency: known fields only, keys in order. */
    JsonNode canonical(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode canonical = json.createObjectNode();
        new TreeSet<>(FIELDS).forEach(name -> {
            if (patch.has(name)) {
                canonical.set(name, patch.get(name));
            }
        });
        return canonical;
    }

    private static boolean given(JsonNode patch, String field) {
        return patch != null && patch.isObject() && patch.has(field);
    }

    Policy merge(Policy base, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return base;
        }
        if (!patch.isObject()) {
            throw ApiProblem.validation("policy", "must be an object");
        }
        ObjectNode merged = json.valueToTree(base);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                return;
            }
            JsonNode value = patch.get(name);
            if (value.isNull() && !NULLABLE.contains(name)) {
                errors.add(new ApiProblem.FieldError("policy." + name, "must not be null"));
            }
            merged.set(name, value);
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Policy policy;
        try {
            policy = json.treeToValue(merged, Policy.class);
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder("policy");
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            String message = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : "has the wrong type or value";
            throw ApiProblem.validation(field.toString(), message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.validation("policy", "cannot be read");
        }
        List<ApiProblem.FieldError> problems = policy.problems().stream()
                .map(p -> new ApiProblem.FieldError(p[0], p[1])).toList();
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return policy;
    }
}
