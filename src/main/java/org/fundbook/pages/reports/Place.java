package org.fundbook.pages.reports;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a report is narrowed to: a province, a district of it, a commune of that (null: any). The drill-down of
 * the accountant's pages goes province → district → commune → village group, each step a link that adds a name.
 */
record Place(String province, String district, String commune) {

    static Place of(String province, String district, String commune) {
        String p = blankToNull(province);
        String d = p == null ? null : blankToNull(district);
        String c = d == null ? null : blankToNull(commune);
        return new Place(p, d, c);
    }

    /** One step of the breadcrumb: its name (null for "all provinces") and the place it stands for. */
    record Step(String name, Place place) {
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(null, new Place(null, null, null)));
        if (province != null) {
            steps.add(new Step(province, new Place(province, null, null)));
        }
        if (district != null) {
            steps.add(new Step(district, new Place(province, district, null)));
        }
        if (commune != null) {
            steps.add(new Step(commune, new Place(province, district, commune)));
        }
        return steps;
    }

    /** The page's address for this place, other parameters ({@code name, value, ...}) first. */
    String link(String path, String... params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                uri.queryParam(params[i], params[i + 1]);
            }
        }
        if (province != null) {
            uri.queryParam("province", province);
        }
        if (district != null) {
            uri.queryParam("district", district);
        }
        if (commune != null) {
            uri.queryParam("commune", commune);
        }
        return uri.encode().build().toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
