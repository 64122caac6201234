package org.fundbook.group.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The group's own box: capital received, cash counted, and the reversal of any earlier transaction. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class CashBoxController {

    private final Movements movements;

    CashBoxController(Movements movements) {
        this.movements = movements;
    }

    @PostMapping("/capital")
    ResponseEntity<String> capital(@PathVariable UUID groupId, @Valid @RequestBody Requests.Capital r) {
        return movements.record(groupId, null, r, GroupWrites.CAPITAL);
    }

    @PostMapping("/cash-counts")
    ResponseEntity<String> countCash(@PathVariable UUID groupId, @Valid @RequestBody Requests.CashCount r) {
        return movements.record(groupId, null, r, GroupWrites.CASH_COUNT);
    }

    @PostMapping("/reversals")
    ResponseEntity<String> reverse(@PathVariable UUID groupId, @Valid @RequestBody Requests.Reversal r) {
        return movements.record(groupId, null, r, GroupWrites.REVERSAL);
    }
}
