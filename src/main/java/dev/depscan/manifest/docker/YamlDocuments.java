package dev.depscan.manifest.docker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Untrusted YAML read safely (bounded aliases, nesting and size), every document of a multi-document file; and the
 * line of a value in the raw text, which the tree does not keep.
 */
final class YamlDocuments {

    private static final ObjectMapper YAML;

    static {
        LoaderOptions limits = new LoaderOptions();
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(50);
        limits.setCodePointLimit(8 * 1024 * 1024);
        YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits).build());
    }

    private YamlDocuments() {
    }

    /** The documents, or empty when the text is not YAML (a template, say). */
    static Optional<List<JsonNode>> read(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JacksonException | RuntimeException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.of(documents);
    }

    /** The first line at or after {@code from} (1-based) that contains {@code key:} followed by {@code value}; else 0. */
    static int lineOf(String[] lines, int from, String key, String value) {
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            String line = lines[i];
            int k = line.indexOf(key + ":");
            if (k >= 0 && line.indexOf(value, k) > k) {
                return i + 1;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(value)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The first line whose text starts, after indentation, with {@code prefix}; else 0. */
    static int lineStarting(String[] lines, String prefix) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }
}
