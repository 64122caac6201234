package org.fundbook.savings.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.fundbook.group.web.Movements;
import org.fundbook.savings.web.SavingsWrites.MemberMovement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's savings: contributions and withdrawals. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class SavingsController {

    private final Movements movements;

    SavingsController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/contributions")
    ResponseEntity<String> contribute(@PathVariable UUID groupId, @Valid @RequestBody MemberMovement r) {
        return movements.record(groupId, null, r, SavingsWrites.CONTRIBUTION);
    }

    @PostMapping("/withdrawals")
    ResponseEntity<String> withdraw(@PathVariable UUID groupId, @Valid @RequestBody MemberMovement r) {
        return movements.record(groupId, null, r, SavingsWrites.WITHDRAWAL);
    }
}
