package org.fundbook.pages;

import org.fundbook.security.PageAccess;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Whether the caller may open a page, so a page links only to what its reader may open: {@code @links.may(p)}. */
@Component("links")
public class PageLinks {

    private final PageAccess access;

    PageLinks(PageAccess access) {
        this.access = access;
    }

    public boolean may(String path) {
        return access.allows(SecurityContextHolder.getContext().getAuthentication(), path);
    }
}
