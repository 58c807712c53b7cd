package dev.depscan.api;

import dev.depscan.api.generated.HealthApi;
import dev.depscan.api.generated.model.Health;
import dev.depscan.scan.Scanner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code GET /api/v1/health}: the previous service's health shape. Kubernetes probes use /health/live and /ready. */
@ApplicationScoped
@Path("/")
public class HealthResource implements HealthApi {

    @Override
    public Response getHealth() {
        return Response.ok(new Health(Health.StatusEnum.HEALTHY, OffsetDateTime.now(ZoneOffset.UTC), Scanner.version()))
                .build();
    }
}
