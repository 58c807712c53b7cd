/**
 * Maven: reads {@code pom.xml} files with a hardened XML parser and resolves properties, parents and managed versions
 * from other POMs of the same repository, never from a remote repository.
 */
package dev.depscan.manifest.maven;
