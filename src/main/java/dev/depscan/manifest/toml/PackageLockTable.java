package dev.depscan.manifest.toml;

import dev.depscan.scan.ScanIssue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [[package]]} array of TOML lock files ({@code poetry.lock}, {@code uv.lock}, {@code Cargo.lock}): each
 * entry with a name and a version, on the line of its {@code name = "..."} key, found in order through the file.
 */
public final class PackageLockTable {

    private static final int MAX_NESTING = 32;
    private static final TomlMapper MAPPER = new TomlMapper();

    /** One {@code [[package]]} entry. */
    public record Entry(String name, String version, JsonNode table, int line) {
    }

    private PackageLockTable() {
    }

    /** The entries, or the issue that kept the file from being read. */
    public static Result read(String path, String parser, String text) {
        if (TomlDepth.maxNesting(text) > MAX_NESTING) {
            return new Result(List.of(), Optional.of(new ScanIssue(path, 0, parser, "the lock file nests too deeply")));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return new Result(List.of(), Optional.of(new ScanIssue(path, line, parser, "the lock file is not valid TOML")));
        }
        List<Entry> entries = new ArrayList<>();
        if (root == null) {
            return new Result(entries, Optional.empty());
        }
        String[] lines = text.split("\r?\n", -1);
        int cursor = 0;
        for (JsonNode table : root.path("package")) {
            String name = table.path("name").asText("");
            String version = table.path("version").asText("");
            String declaration = "name = \"" + name + "\"";
            for (int i = cursor; i < lines.length; i++) {
                if (lines[i].strip().equals(declaration)) {
                    cursor = i + 1;
                    break;
                }
            }
            if (!name.isEmpty() && !version.isEmpty()) {
                entries.add(new Entry(name, version, table, cursor));
            }
        }
        return new Result(entries, Optional.empty());
    }

    /** What a lock file held. */
    public record Result(List<Entry> entries, Optional<ScanIssue> issue) {
    }
}
