package dev.depscan.manifest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson set up for repository content: real manifests and lock files nest a handful of levels, so anything deeper
 * than {@link #MAX_NESTING} fails with a {@code StreamConstraintsException} the parser turns into an issue.
 */
public final class BoundedJson {

    /** Deepest nesting read. */
    public static final int MAX_NESTING = 200;

    /** For streaming parsers that need each token's line. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    /** For parsers that read the whole tree. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private BoundedJson() {
    }
}
