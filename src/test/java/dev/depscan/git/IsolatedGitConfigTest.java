package dev.depscan.git;

import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

class IsolatedGitConfigTest {

    @TempDir
    Path temp;

    @Test
    void aFetcherIgnoresUserSystemAndJGitConfiguration() throws Exception {
        new RepositoryFetcher(temp, Duration.ofSeconds(1));

        for (StoredConfig config : new StoredConfig[] {SystemReader.getInstance().getUserConfig(),
                SystemReader.getInstance().getSystemConfig()}) {
            config.load();
            assertThat(config.getSections(), is(empty()));
        }
        StoredConfig jgit = SystemReader.getInstance().getJGitConfig();
        jgit.load();
        assertThat("only JGit's in-memory file-system facts", jgit.getSections(), everyItem(is("filesystem")));
    }
}
