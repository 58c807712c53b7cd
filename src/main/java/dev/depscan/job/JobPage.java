package dev.depscan.job;

import java.util.List;

/**
 * One page of jobs, newest first.
 *
 * @param jobs    the jobs of the page
 * @param total   jobs matching the query over all pages
 * @param page    the page
 * @param perPage the page size
 */
public record JobPage(List<Job> jobs, long total, int page, int perPage) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }

    public int totalPages() {
        return (int) ((total + perPage - 1) / perPage);
    }
}
