package org.fundbook.grants.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.fundbook.group.web.Movements;
import org.fundbook.group.web.Requests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Money given out of the pools: emergency grants and their recoveries, and payouts of the other pools. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class GrantController {

    private final Movements movements;

    GrantController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/emergency-grants")
    ResponseEntity<String> grant(@PathVariable UUID groupId, @Valid @RequestBody GrantWrites.Grant r) {
        return movements.record(groupId, null, r, GrantWrites.EMERGENCY_GRANT);
    }

    @PostMapping("/emergency-grants/{grantId}/recoveries")
    ResponseEntity<String> recover(@PathVariable UUID groupId, @PathVariable UUID grantId,
                                   @Valid @RequestBody Requests.Payment r) {
        return movements.record(groupId, grantId, r, GrantWrites.GRANT_RECOVERY);
    }

    @PostMapping("/payouts")
    ResponseEntity<String> payout(@PathVariable UUID groupId, @Valid @RequestBody GrantWrites.Payout r) {
        return movements.record(groupId, null, r, GrantWrites.PAYOUT);
    }
}
