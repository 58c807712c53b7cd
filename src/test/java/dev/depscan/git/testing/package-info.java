/**
 * Test support for anything that fetches Git repositories: bare repositories built in a temporary directory and a
 * smart-HTTP server on 127.0.0.1 that serves them, so tests exercise the production fetch path without the network.
 */
package dev.depscan.git.testing;
