package dev.depscan.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes JGit ignore the machine's Git configuration: the user's {@code ~/.gitconfig}, the XDG and system files and
 * JGit's own. Such files can rewrite URLs ({@code url.<base>.insteadOf}), add credentials helpers, proxies or
 * redirects, and would let whoever controls the service account's home directory send fetches somewhere the
 * {@link UrlPolicy} never checked. Only each cache repository's own config (written by {@link RepositoryFetcher})
 * applies. JGit's reader is process-wide; the service uses JGit for nothing else.
 */
final class IsolatedGitConfig {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private IsolatedGitConfig() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
                @Override
                public FileBasedConfig openUserConfig(Config parent, FS fs) {
                    return empty(parent, fs);
                }

                @Override
                public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                    return empty(parent, fs);
                }

                @Override
                public FileBasedConfig openJGitConfig(Config parent, FS fs) {
                    return empty(parent, fs);
                }
            });
        }
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing to read: the machine's configuration does not apply
            }

            @Override
            public boolean isOutdated() {
                return false;
            }

            @Override
            public void save() {
                // JGit records file-system timing facts here; they stay in memory
            }
        };
    }
}
