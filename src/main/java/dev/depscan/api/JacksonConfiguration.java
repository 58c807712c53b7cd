package dev.depscan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON mapping of the API: ISO-8601 timestamps, absent fields instead of {@code null}s, and unknown request
 * fields ignored (as the previous service did) so that newer clients keep working.
 *
 * <p>{@code @Dependent}, not {@code @ApplicationScoped}: Jersey finds a {@code ContextResolver} by its generic type,
 * which a normal-scoped bean's client proxy hides, and the resolver would silently never be asked.
 */
@Provider
@Dependent
public class JacksonConfiguration implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
