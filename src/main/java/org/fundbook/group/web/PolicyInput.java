package org.fundbook.group.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fundbook.group.Policy;
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
