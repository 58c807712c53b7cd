package dev.depscan.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a principal may do: {@code scanner} submits scans and reads and cancels its own jobs, {@code reader} reads
 * every job, {@code admin} does everything, including cancelling others' jobs.
 */
public enum Role {
    SCANNER, READER, ADMIN;

    /** The name used in configuration and in {@code SecurityContext.isUserInRole}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
