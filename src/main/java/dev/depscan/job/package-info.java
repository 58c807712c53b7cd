/**
 * Scan jobs: their durable records and states, the service that submits, reads and cancels them, and the runner
 * that executes them within the fault-tolerance limits (bulkhead, queue, timeout).
 */
package dev.depscan.job;
