package org.fundbook.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served OpenAPI description (/v3/api-docs) made usable by a generated client: HTTP Basic declared and required
 * on every {@code /api} operation, a summary and description for each, and each operation's 4xx answers as problem
 * details naming the codes it can give. One table below, keyed by method and path, rather than annotations on
 * every controller; an operation missing from it fails {@code OpenApiTest}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    static final String BASIC = "basicAuth";
    private static final String PROBLEM = "Problem";

    /** What an operation takes, each adding the 4xx answers it brings. */
    private enum Takes { BODY, QUERY, GROUP, TRANSACTION }

    private record Op(int status, String summary, String description, List<Takes> takes, Map<Integer, String> codes,
                      Map<String, Object> example) {
    }

    private static final Map<String, Op> OPERATIONS = new LinkedHashMap<>();

    private static final String G = "/api/v1/groups/{groupId}";
    private static final String ID = "<id>";
    private static final String MOVE = "Answers the recorded transaction with the group's balances after it. "
            + "Sent again with the same transactionId and body, records nothing and answers the first answer again "
            + "(header Idempotent-Replayed: true).";
    private static final String DATED = "PERIOD_CLOSED,FUTURE_DATE";

    static {
        op("POST /api/v1/groups", 201, "Register a group", "ADMIN. The scheme's default policy fills what the "
                + "request's policy leaves out; groupId is the idempotency key.", List.of(Takes.BODY,
                Takes.TRANSACTION), Map.of(422, "FUTURE_DATE"));
        op("GET /api/v1/groups", 200, "List groups", "Every group in the caller's scope, filtered by province, "
                + "district and scheme.", List.of(Takes.QUERY), Map.of());
        op("GET " + G, 200, "Read a group", "Its policy, period, closing state, member count and balances.",
                List.of(Takes.GROUP), Map.of());
        op("PUT " + G + "/policy", 200, "Change a group's policy", "LEADER. Effective from a date in the open "
                + "period; fields left out are kept.", List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(422, "PERIOD_CLOSED,CLOSING_IN_PROGRESS"));
        op("POST " + G + "/members", 201, "Register a member", "CASHIER or LEADER. memberId defaults to the "
                + "transactionId.", List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422, DATED));
        op("GET " + G + "/members", 200, "List members", "With their savings and outstanding loan principal.",
                List.of(Takes.GROUP), Map.of());
        op("GET " + G + "/members/{memberId}/statement", 200, "A member's statement", "Savings movements by value "
                + "date between from and to, with opening and closing savings.", List.of(Takes.GROUP, Takes.QUERY),
                Map.of(404, "MEMBER_NOT_FOUND"));
        op("POST " + G + "/contributions", 201, "Record a contribution", "CASHIER or LEADER. A member's savings "
                + "paid into the box. " + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(404, "MEMBER_NOT_FOUND", 422, "NON_MEMBER_CANNOT_SAVE,BELOW_MIN_INITIAL_CONTRIBUTION,"
                        + DATED), example("memberId", ID, "amount", 5000));
        op("POST " + G + "/withdrawals", 201, "Record a withdrawal", "CASHIER or LEADER. A member takes savings "
                + "out. " + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(404, "MEMBER_NOT_FOUND", 422, "INSUFFICIENT_SAVINGS,INSUFFICIENT_CASH," + DATED),
                example("memberId", ID, "amount", 2000));
        op("POST " + G + "/capital", 201, "Receive capital", "LEADER. Money given to the fund (FUND_CAPITAL). "
                + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422, DATED),
                example("source", "IOM", "amount", 1000000));
        op("POST " + G + "/loans", 201, "Disburse a loan", "CASHIER or LEADER. Rate and method come from the policy "
                + "in force on the value date; loanId is the transactionId. " + MOVE,
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(404, "MEMBER_NOT_FOUND", 422,
                        "LOAN_OUTSTANDING,LOAN_LIMIT_EXCEEDED,TERM_TOO_LONG,LENDING_SUSPENDED,"
                                + "NON_MEMBER_LENDING_DISABLED,NO_RATE_FOR_LOAN,INSUFFICIENT_CASH," + DATED),
                example("borrowerId", ID, "principal", 200000, "termMonths", 6, "purpose", "seeds"));
        op("GET " + G + "/loans", 200, "List loans", "By status (OUTSTANDING includes OVERDUE) as of a date.",
                List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("GET " + G + "/loans/{loanId}", 200, "Read a loan", "Payments, outstanding principal, interest due and "
                + "days overdue as of a date.", List.of(Takes.GROUP, Takes.QUERY), Map.of(404, "LOAN_NOT_FOUND"));
        op("POST " + G + "/loans/{loanId}/repayments", 201, "Record a repayment", "CASHIER or LEADER. Interest due "
                + "first, then principal; interest is allocated to the pools. " + MOVE,
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(404, "LOAN_NOT_FOUND", 422,
                        "OVERPAYMENT,LOAN_ALREADY_REPAID," + DATED), example("amount", 40000));
        op("POST " + G + "/emergency-grants", 201, "Give an emergency grant", "CASHIER or LEADER. From the "
                + "EMERGENCY_FUND pool, to a member (recipientId) or someone outside the group (recipientName). "
                + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(404, "MEMBER_NOT_FOUND", 422,
                "INSUFFICIENT_POOL,INSUFFICIENT_CASH," + DATED), example("recipientName", "Chan Sophea",
                "amount", 50000, "reason", "MEDICAL", "recoverable", true));
        op("POST " + G + "/emergency-grants/{grantId}/recoveries", 201, "Recover part of a grant", "CASHIER or "
                + "LEADER. Back into the EMERGENCY_FUND pool. " + MOVE, List.of(Takes.BODY, Takes.GROUP,
                Takes.TRANSACTION), Map.of(404, "GRANT_NOT_FOUND", 422, "OVER_RECOVERY," + DATED),
                example("amount", 10000));
        op("POST " + G + "/payouts", 201, "Pay out of a pool", "CASHIER or LEADER. From COMMITTEE_OPERATIONS or "
                + "PROVINCIAL_DISTRICT. " + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(422, "INSUFFICIENT_POOL,INSUFFICIENT_CASH," + DATED),
                example("pool", "COMMITTEE_OPERATIONS", "amount", 5000, "payee", "Committee"));
        op("POST " + G + "/cash-counts", 201, "Record a cash count", "CASHIER or LEADER. Answers the expected "
                + "cash, the counted cash and the discrepancy.", List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(422, DATED), example("countedCash", 1250000));
        op("POST " + G + "/reversals", 201, "Reverse a transaction", "LEADER. Records the inverse of an earlier "
                + "transaction. " + MOVE, List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION),
                Map.of(404, "TRANSACTION_NOT_FOUND", 422, "NOT_REVERSIBLE,ALREADY_REVERSED,INSUFFICIENT_CASH,"
                        + "INSUFFICIENT_SAVINGS,INSUFFICIENT_POOL," + DATED),
                example("reversedTransactionId", ID, "reason", "entered twice"));
        op("POST " + G + "/meetings", 200, "Send a whole meeting", "CASHIER or LEADER. Every entry is judged as its "
                + "single request and answered in results; all new records commit together.",
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422, "FUTURE_DATE"));
        op("GET " + G + "/meetings", 200, "List meetings", "By the day they were held, earliest first.",
                List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("GET " + G + "/roster", 200, "What a device needs offline", "The group, its members with their "
                + "loans, open grants and balances; ETag and If-None-Match (304).", List.of(Takes.GROUP), Map.of());
        op("POST " + G + "/closings", 201, "Start a book closing", "LEADER. Answers the preview of the premiums.",
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422,
                        "CLOSING_TOO_EARLY,CLOSING_IN_PROGRESS," + DATED));
        op("GET " + G + "/closings", 200, "List closing statements", "Every confirmed closing of the group.",
                List.of(Takes.GROUP), Map.of());
        op("GET " + G + "/closings/current", 200, "Read the closing in progress", "Its preview.",
                List.of(Takes.GROUP), Map.of(404, "CLOSING_NOT_FOUND"));
        op("POST " + G + "/closings/current/confirm", 201, "Confirm the closing in progress", "LEADER. Pays the "
                + "premiums in cash or reinvests them; answers the closing statement.",
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422, "NO_CLOSING_IN_PROGRESS"));
        op("POST " + G + "/closings/current/cancel", 200, "Cancel the closing in progress", "LEADER.",
                List.of(Takes.BODY, Takes.GROUP, Takes.TRANSACTION), Map.of(422, "NO_CLOSING_IN_PROGRESS"));
        op("GET " + G + "/closings/{periodNumber}", 200, "Read a closing statement", "Opening, movements by kind, "
                + "closing balances and premiums of one period.", List.of(Takes.GROUP, Takes.QUERY),
                Map.of(404, "CLOSING_NOT_FOUND"));
        op("GET " + G + "/balances", 200, "Balances as of a date", "ACCOUNTANT, LEADER or ADMIN. By value date "
                + "asOf, counting only what was recorded by knownAt.", List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("GET " + G + "/journal", 200, "The journal", "ACCOUNTANT, LEADER or ADMIN. One balanced entry per "
                + "transaction.", List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("GET " + G + "/trial-balance", 200, "The trial balance", "ACCOUNTANT, LEADER or ADMIN.",
                List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("GET " + G + "/audit/events", 200, "The audit trail", "ACCOUNTANT, LEADER or ADMIN. The group's events "
                + "with who recorded them, their correlation id and hash.", List.of(Takes.GROUP, Takes.QUERY),
                Map.of());
        op("GET " + G + "/audit/verify", 200, "Verify the hash chain", "ACCOUNTANT, LEADER or ADMIN. The first "
                + "event whose hash does not match, if any.", List.of(Takes.GROUP), Map.of());
        op("GET /api/v1/reports/allocations", 200, "Allocation report", "ACCOUNTANT, LEADER or ADMIN. Interest "
                + "allocated, grants and payouts per group for a month or quarter; CSV or XLSX by Accept.",
                List.of(Takes.QUERY), Map.of());
        op("GET /api/v1/reports/portfolio", 200, "Portfolio report", "ACCOUNTANT, LEADER or ADMIN. Outstanding "
                + "and overdue principal and PAR30 per group as of a date; CSV or XLSX by Accept.",
                List.of(Takes.QUERY), Map.of());
        op("GET /api/v1/reports/metrics", 200, "Performance metrics report", "ACCOUNTANT, LEADER or ADMIN. The "
                + "group performance metrics (members, savings, loans, utilisation, PAR30, return on savings, grants, "
                + "attendance, cash discrepancy) per group, with sums per province, district and commune and in all, "
                + "ratios recomputed from the sums; CSV or XLSX by Accept.", List.of(Takes.QUERY), Map.of());
        op("GET " + G + "/metrics", 200, "A group's performance metrics", "ACCOUNTANT, LEADER or ADMIN. As of asOf "
                + "(default today) over from–asOf (default: the period open on asOf).",
                List.of(Takes.GROUP, Takes.QUERY), Map.of());
        op("POST /api/v1/admin/projections/rebuild", 200, "Rebuild the read models", "ADMIN. From the event "
                + "store.", List.of(), Map.of());
        op("POST /api/v1/users", 201, "Create a user", "ADMIN. The password is stored only as an adaptive hash.",
                List.of(Takes.BODY), Map.of(404, "GROUP_NOT_FOUND", 409, "USERNAME_TAKEN"));
        op("GET /api/v1/users", 200, "List users", "ADMIN. Never a password or hash.", List.of(), Map.of());
        op("PATCH /api/v1/users/{username}", 200, "Change a user", "ADMIN. Role, scope or enabled; only the fields "
                + "given. The last enabled ADMIN cannot be disabled or demoted.", List.of(Takes.BODY),
                Map.of(404, "USER_NOT_FOUND,GROUP_NOT_FOUND", 422, "LAST_ADMIN"));
        op("PUT /api/v1/users/{username}/password", 204, "Change or reset a password", "A user changes their own "
                + "with currentPassword; an ADMIN resets anyone's without it (and unlocks the login).",
                List.of(Takes.BODY), Map.of(404, "USER_NOT_FOUND", 422, "WRONG_PASSWORD"));
        op("GET /api/v1/users/{username}/history", 200, "A user's history", "ADMIN. Every change to the user, "
                + "newest first, with who made it and when.", List.of(), Map.of(404, "USER_NOT_FOUND"));
        op("GET /api/v1/me", 200, "Who am I", "The caller's username, role and scope.", List.of(), Map.of());
    }

    private static void op(String key, int status, String summary, String description, List<Takes> takes,
                           Map<Integer, String> codes) {
        op(key, status, summary, description, takes, codes, null);
    }

    private static void op(String key, int status, String summary, String description, List<Takes> takes,
                           Map<Integer, String> codes, Map<String, Object> example) {
        OPERATIONS.put(key, new Op(status, summary, description, takes, codes, example));
    }

    /** A money movement's body: a transaction id, a value date and the fields given ({@link #ID}: an id). */
    private static Map<String, Object> example(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", "3f1c2a9e-8b7d-4c6e-9a0b-1d2e3f4a5b6c");
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], ID.equals(pairs[i + 1]) ? "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d" : pairs[i + 1]);
        }
        body.put("occurredOn", "2024-03-05");
        return body;
    }

    @Bean
    OpenApiCustomizer problemAnswersAndHttpBasic() {
        return openApi -> {
            openApi.info(new Info().title("Fundbook API").version("v1")
                    .description("The ledger of savings groups: contract in docs/api.md. Every /api operation "
                            + "takes HTTP Basic; every refusal is application/problem+json with a stable code.")
                    .license(new License().name("Proprietary").identifier("LicenseRef-Fundbook")));
            // relative: the description is served by the node it describes (no localhost in it)
            openApi.setServers(List.of(new Server().url("/").description("this Fundbook node")));
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            openApi.setComponents(components);
            components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("HTTP Basic with a Fundbook username and password."));
            components.addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) ->
                            describe(method.name() + " " + path, method, operation));
                }
            });
        };
    }

    private static void describe(String key, PathItem.HttpMethod method, Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
        Op op = OPERATIONS.get(key);
        if (op == null) {
            return; // OpenApiTest names it
        }
        operation.summary(op.summary()).description(op.description());
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse();
        }
        if (op.status() == 204) {
            success.setContent(null);
        }
        success.setDescription(switch (op.status()) {
            case 201 -> "Recorded";
            case 204 -> "Done; no body";
            default -> "OK";
        });
        ApiResponses answers = new ApiResponses();
        answers.addApiResponse(String.valueOf(op.status()), success);
        Map<Integer, List<String>> codes = new TreeMap<>();
        if (op.takes().contains(Takes.BODY)) {
            codes.computeIfAbsent(400, s -> new ArrayList<>()).addAll(List.of("VALIDATION_FAILED",
                    "MALFORMED_REQUEST"));
            codes.computeIfAbsent(413, s -> new ArrayList<>()).add("PAYLOAD_TOO_LARGE");
            codes.computeIfAbsent(415, s -> new ArrayList<>()).add("UNSUPPORTED_MEDIA_TYPE");
        }
        if (op.takes().contains(Takes.QUERY) || key.contains("{")) {
            List<String> bad = codes.computeIfAbsent(400, s -> new ArrayList<>());
            if (!bad.contains("VALIDATION_FAILED")) {
                bad.add("VALIDATION_FAILED");
            }
        }
        codes.computeIfAbsent(401, s -> new ArrayList<>()).add("UNAUTHENTICATED");
        codes.computeIfAbsent(403, s -> new ArrayList<>()).add("FORBIDDEN");
        if (op.takes().contains(Takes.GROUP)) {
            codes.computeIfAbsent(404, s -> new ArrayList<>()).add("GROUP_NOT_FOUND");
        }
        if (op.takes().contains(Takes.TRANSACTION)) {
            codes.computeIfAbsent(409, s -> new ArrayList<>()).add("TRANSACTION_ID_REUSED");
        }
        op.codes().forEach((status, list) -> codes.computeIfAbsent(status, s -> new ArrayList<>())
                .addAll(List.of(list.split(","))));
        codes.forEach((status, list) -> answers.addApiResponse(String.valueOf(status), new ApiResponse()
                .description(list.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(codeSchema(list))))));
        operation.setResponses(answers);
        if (op.example() != null && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> media.setExample(op.example()));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema codeSchema(List<String> codes) {
        Schema schema = new Schema().$ref("#/components/schemas/" + PROBLEM);
        return new Schema().allOf(List.of(schema, new ObjectSchema().addProperty("code",
                new StringSchema()._enum(codes))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with the contract's stable code.");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("code", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        problem.required(List.of("status", "code"));
        return problem;
    }
}
