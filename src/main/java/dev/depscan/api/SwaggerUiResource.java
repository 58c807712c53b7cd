package dev.depscan.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code /swagger-ui}, from the {@code org.webjars:swagger-ui} jar, initialised with the contract
 * served at {@code /openapi}. Only plain file names of the webjar are served.
 */
@ApplicationScoped
@Path("swagger-ui")
public class SwaggerUiResource {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "png", "image/png");
    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "../openapi",
                dom_id: "#swagger-ui",
                deepLinking: true,
                persistAuthorization: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """;

    private final String webjarRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";

    /** {@code /swagger-ui/} is the page; {@code /swagger-ui} redirects there so that relative links resolve. */
    @GET
    public Response index(@Context UriInfo uriInfo) {
        if (uriInfo.getPath().endsWith("/")) {
            return serve("index.html");
        }
        return Response.seeOther(uriInfo.getBaseUriBuilder().path("swagger-ui/").build()).build();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        return serve(file);
    }

    private Response serve(String file) {
        if (!FILE_NAME.matcher(file).matches()) {
            throw new NotFoundException();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = MEDIA_TYPES.get(extension);
        if (type == null) {
            throw new NotFoundException();
        }
        if (file.equals("swagger-initializer.js")) {
            return Response.ok(INITIALIZER, type).build();
        }
        InputStream content = SwaggerUiResource.class.getClassLoader().getResourceAsStream(webjarRoot + file);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).header("Cache-Control", "max-age=3600").build();
    }

    private static String webjarVersion() {
        try (InputStream in = SwaggerUiResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
