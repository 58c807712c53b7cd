/**
 * Turns every failure into {@code application/problem+json} (RFC 9457) with a stable {@code code}: one
 * {@code ExceptionMapper} per exception type, none of them revealing stack traces, class names or paths.
 */
package dev.depscan.api.error;
