package dev.depscan.scan;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory {@link FileSource} for scanner tests. */
final class MemoryFileSource implements FileSource {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    MemoryFileSource with(String path, String text) {
        return with(path, text.getBytes(StandardCharsets.UTF_8));
    }

    MemoryFileSource with(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    @Override
    public List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    @Override
    public byte[] read(String path, int maxBytes) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new FileReadException("no such file: " + path);
        }
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(path, maxBytes);
        }
        return bytes.clone();
    }
}
