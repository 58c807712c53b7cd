package dev.depscan.job;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stop signals of live jobs: set by a cancellation or a timeout, checked by the fetch and between files of
 * the scan, so that the work really stops.
 */
@ApplicationScoped
class Cancellations {

    private final Map<String, AtomicBoolean> signals = new ConcurrentHashMap<>();

    AtomicBoolean signalOf(String jobId) {
        return signals.computeIfAbsent(jobId, id -> new AtomicBoolean());
    }

    void cancel(String jobId) {
        signalOf(jobId).set(true);
    }

    void forget(String jobId) {
        signals.remove(jobId);
    }
}
