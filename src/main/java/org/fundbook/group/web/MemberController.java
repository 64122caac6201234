package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.MemberStatement;
import org.fundbook.group.query.MemberView;
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

    private final Movements movements;
    private final LedgerQueries queries;

    MemberController(Movements movements, LedgerQueries queries) {
        this.movements = movements;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<String> register(@PathVariable UUID groupId, @Valid @RequestBody Requests.RegisterMember request) {
        return movements.record(groupId, null, request, GroupWrites.MEMBER);
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
