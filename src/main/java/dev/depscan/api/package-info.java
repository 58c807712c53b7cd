/**
 * The HTTP API: thin resources implementing the interfaces generated from {@code openapi.yaml}, and the mapping
 * between the generated DTOs and the domain records.
 */
package dev.depscan.api;
