package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.GroupCommand;
import org.fundbook.group.Location;
import org.fundbook.group.Policy;
import org.fundbook.group.PolicyPatch;
import org.fundbook.group.Scheme;
import org.fundbook.group.query.GroupView;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.platform.LedgerWriter;
import org.fundbook.security.CallerScope;
import org.fundbook.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
class GroupController {

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final PolicyInput policies;
    private final Clock clock;
    private final CurrentCaller caller;

    GroupController(LedgerWriter writer, LedgerQueries queries, PolicyInput policies, Clock clock,
                    CurrentCaller caller) {
        this.caller = caller;
        this.writer = writer;
        this.queries = queries;
        this.policies = policies;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<String> register(@Valid @RequestBody Requests.RegisterGroup request) {
        Policy policy = policies.merge(Policy.defaultsFor(request.scheme()), request.policy());
        Requests.LocationInput l = request.location();
        LocalDate today = LocalDate.now(clock);
        Requests.RegisterGroup canonical = new Requests.RegisterGroup(request.groupId(), request.name(),
                request.scheme(), request.location(), request.registeredOn(), policies.canonical(request.policy()));
        return writer.write(request.groupId(), request.groupId(), "/api/v1/groups", canonical, true,
                new GroupCommand.RegisterGroup(request.groupId(), request.name().strip(), request.scheme(),
                        new Location(l.province().strip(), l.district().strip(), l.commune().strip(),
                                l.village().strip()),
                        request.registeredOn(), policy, today),
                result -> queries.group(request.groupId(), today));
    }

    @GetMapping
    List<GroupView> list(@RequestParam(required = false) String province,
                         @RequestParam(required = false) String district,
                         @RequestParam(required = false) Scheme scheme) {
        CallerScope scope = caller.scope();
        return queries.groups(province, district, scheme, LocalDate.now(clock)).stream()
                .filter(g -> scope.includes(g.groupId(), g.location().province())).toList();
    }

    @GetMapping("/{groupId}")
    GroupView get(@PathVariable UUID groupId) {
        return queries.group(groupId, LocalDate.now(clock));
    }

    @PutMapping("/{groupId}/policy")
    ResponseEntity<String> changePolicy(@PathVariable UUID groupId,
                                        @Valid @RequestBody Requests.ChangePolicy request) {
        PolicyPatch patch = policies.patch(request.policy());
        LocalDate today = LocalDate.now(clock);
        Requests.ChangePolicy canonical = new Requests.ChangePolicy(request.transactionId(), request.effectiveFrom(),
                policies.canonical(request.policy()));
        ResponseEntity<String> written = writer.write(groupId, request.transactionId(),
                "/api/v1/groups/" + groupId + "/policy", canonical, false,
                new GroupCommand.ChangePolicy(groupId, request.transactionId(), request.effectiveFrom(), patch),
                result -> queries.group(groupId, today));
        return ResponseEntity.status(200).headers(written.getHeaders()).body(written.getBody());
    }
}
