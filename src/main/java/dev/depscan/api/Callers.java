package dev.depscan.api;

import dev.depscan.auth.Role;
import dev.depscan.job.Caller;

import jakarta.ws.rs.core.SecurityContext;

/** Turns the authenticated request's principal and roles into what the job service needs to know. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        boolean admin = security.isUserInRole(Role.ADMIN.id());
        return new Caller(security.getUserPrincipal().getName(),
                          admin || security.isUserInRole(Role.SCANNER.id()),
                          admin || security.isUserInRole(Role.READER.id()),
                          admin);
    }
}
