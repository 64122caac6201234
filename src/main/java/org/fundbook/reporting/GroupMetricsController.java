package org.fundbook.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.fundbook.audit.GroupAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One group's performance metrics, for those who may audit it: 403, then 400, then 404, as the audit reads. */
@RestController
class GroupMetricsController {

    private final GroupAccess access;
    private final MetricsReport metrics;
    private final Clock clock;

    GroupMetricsController(GroupAccess access, MetricsReport metrics, Clock clock) {
        this.access = access;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/groups/{groupId}/metrics")
    MetricsReport.GroupMetrics metrics(@PathVariable UUID groupId, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String asOf) {
        GroupAccess.Checked group = access.inScope(groupId);
        ReportController.Window window = ReportController.Window.of(from, asOf, LocalDate.now(clock));
        group.requireFound();
        return metrics.group(groupId, window.from(), window.asOf());
    }
}
