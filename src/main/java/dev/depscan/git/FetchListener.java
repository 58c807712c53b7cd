package dev.depscan.git;

/**
 * Follows one fetch and may stop it. {@link #onProgress} and {@link #cancelled} are called on the thread that called
 * {@link RepositoryFetcher#fetch}, a few times a second at most, and must return quickly.
 */
public interface FetchListener {

    /** Progress of the fetch, 0 to 100, never smaller than the previous call; 100 comes only on success. */
    void onProgress(int percent);

    /** {@code true} once the fetch should stop (job cancelled or timed out); it then fails with {@code CANCELLED}. */
    boolean cancelled();

    /**
     * Called once the remote has named the commit to fetch, before any object is transferred, on the fetching thread.
     * Returning {@code false} ends the fetch there: {@link RepositoryFetcher#fetch} returns that commit's id without
     * fetching its objects, for a caller that already has what it needs (a cached result of that commit).
     */
    default boolean wantsCommit(String commitId) {
        return true;
    }

    /** A listener that ignores progress and never cancels. */
    static FetchListener none() {
        return new FetchListener() {
            @Override
            public void onProgress(int percent) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
