package org.fundbook.audit.rebuild;

import org.fundbook.platform.web.ApiProblem;
import org.fundbook.security.CurrentCaller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: rebuild the API's read models from the event store (ADMIN; docs/audit.md). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class RebuildController {

    private final ProjectionRebuild rebuild;
    private final CurrentCaller caller;

    RebuildController(ProjectionRebuild rebuild, CurrentCaller caller) {
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @PostMapping("/rebuild")
    ProjectionRebuild.Result rebuild() {
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "FORBIDDEN", "Only an admin rebuilds the read models.");
        }
        return rebuild.rebuild();
    }
}
