/**
 * Untrusted XML read safely (no DTDs, so no external entities or entity expansion) into a small tree that keeps
 * line numbers and attributes; shared by the XML-based manifest parsers.
 */
package dev.depscan.manifest.xml;
