/**
 * Authentication of every {@code /api/v1} request: HTTP Basic users and {@code X-Api-Key} keys from configuration,
 * compared in constant time.
 */
package dev.depscan.auth;
