package org.fundbook.audit.rebuild;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: rebuild the API's read models from the event store (ADMIN; docs/audit.md). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
