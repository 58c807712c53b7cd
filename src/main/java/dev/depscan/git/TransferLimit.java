package dev.depscan.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Bounds the bytes one fetch may receive, counted as they arrive: a repository over the limit fails while its pack
 * is still coming in, not after it has filled the disk. Every HTTP response body JGit reads on a thread inside
 * {@link #during} is counted against that thread's budget ({@link LimitedHttpConnectionFactory} wraps them).
 */
final class TransferLimit {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private TransferLimit() {
    }

    /** Runs {@code task} with at most {@code maxBytes} received over HTTP on this thread. */
    static <T> T during(long maxBytes, Supplier<T> task) {
        Budget outer = CURRENT.get();
        CURRENT.set(new Budget(maxBytes));
        try {
            return task.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Whether the fetch running on this thread went over its budget. JGit wraps the exception the counting stream
     * throws, sometimes without keeping it as the cause, so this is how the fetch learns why it failed.
     */
    static boolean exceeded() {
        Budget budget = CURRENT.get();
        return budget != null && budget.exceeded;
    }

    /** {@code in}, counted against the budget of the thread that reads it (none outside {@link #during}). */
    static InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    charge(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    charge(n);
                }
                return n;
            }
        };
    }

    private static void charge(long bytes) throws IOException {
        Budget budget = CURRENT.get();
        if (budget == null) {
            return;
        }
        budget.received += bytes;
        if (budget.received > budget.max) {
            budget.exceeded = true;
            throw new IOException("the repository is larger than the transfer limit of " + budget.max + " bytes");
        }
    }

    /** One fetch's budget; used by its own thread only. */
    private static final class Budget {

        private final long max;
        private long received;
        private boolean exceeded;

        private Budget(long max) {
            this.max = max;
        }
    }
}
