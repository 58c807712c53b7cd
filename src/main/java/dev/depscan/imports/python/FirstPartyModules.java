package dev.depscan.imports.python;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an import names the repository's own code, from the tree's paths alone.
 *
 * <p>Rule: for a file in directory {@code D}, a top-level name {@code N} is first-party when, for {@code D} or any of
 * its ancestors up to the repository root (call it {@code A}), and for {@code A/src} and {@code A/lib}, there is a
 * module {@code A/N.py} or a package {@code A/N/__init__.py}. At the repository root and in those {@code src} and
 * {@code lib} directories, a directory {@code N} holding any {@code .py} file below it also counts (a namespace
 * package of a src layout). This mirrors how Python finds modules next to a script, in the project root a test runner
 * adds to the path, and in the usual source roots; namespace directories elsewhere do not count, because an installed
 * package would win over them.
 */
final class FirstPartyModules {

    private final Set<String> files;
    private final Set<String> pythonDirectories;

    FirstPartyModules(List<String> paths) {
        this.files = new HashSet<>(paths);
        this.pythonDirectories = new HashSet<>();
        for (String path : paths) {
            if (path.endsWith(".py") || path.endsWith(".pyi")) {
                for (String dir = parent(path); !dir.isEmpty(); dir = parent(dir)) {
                    if (!pythonDirectories.add(dir)) {
                        break;
                    }
                }
            }
        }
    }

    boolean contains(String importingFile, String topLevel) {
        String dir = parent(importingFile);
        while (true) {
            String src = join(dir, "src");
            String lib = join(dir, "lib");
            if (moduleOrPackage(dir, topLevel) || moduleOrPackage(src, topLevel) || moduleOrPackage(lib, topLevel)
                    || dir.isEmpty() && pythonDirectories.contains(topLevel)
                    || pythonDirectories.contains(join(src, topLevel)) || pythonDirectories.contains(join(lib, topLevel))) {
                return true;
            }
            if (dir.isEmpty()) {
                return false;
            }
            dir = parent(dir);
        }
    }

    private boolean moduleOrPackage(String dir, String name) {
        String base = join(dir, name);
        return files.contains(base + ".py") || files.contains(base + ".pyi") || files.contains(base + "/__init__.py");
    }

    private static String join(String dir, String child) {
        return dir.isEmpty() ? child : dir + "/" + child;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
