package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberStatement;
import org.fundbook.group.query.MemberView;
import org.fundbook.platform.LedgerWriter;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups/{groupId}/members")
class MemberController {

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final Clock clock;

    MemberController(LedgerWriter writer, LedgerQueries queries, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<String> register(@PathVariable UUID groupId, @Valid @RequestBody Requests.RegisterMember request) {
        UUID memberId = request.memberId() != null ? request.memberId() : request.transactionId();
        return writer.write(groupId, request.transactionId(), "/api/v1/groups/" + groupId + "/members", request,
                false,
                new GroupCommand.RegisterMember(groupId, request.transactionId(), memberId, request.name().strip(),
                        request.sex(), request.membership(), request.joinedOn(),
                        Boolean.TRUE.equals(request.poorestFamily()), request.officerRole(),
                        request.subgroup() == null ? null : request.subgroup().strip(), LocalDate.now(clock)),
                result -> queries.member(groupId, memberId));
    }

    @GetMapping
    List<MemberView> list(@PathVariable UUID groupId) {
        return queries.members(groupId);
    }

    @GetMapping("/{memberId}/statement")
    MemberStatement statement(@PathVariable UUID groupId, @PathVariable UUID memberId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.validation("from", "must not be after to");
        }
        return queries.statement(groupId, memberId, from, to);
    }
}
