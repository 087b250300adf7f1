package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;
import org.trustfund.web.api.RecordSchemas;

/**
 * The OpenAPI document the server publishes describes every JSON record of the API as the code has it: each
 * record a resource method reads or answers with (found by reflection over the built web module, so records and
 * components added later are checked too) has a schema of its name with exactly its components as properties,
 * of the type JSON-B writes. A client generated from the document can then record pledges and contributions.
 */
@ExtendWith(SystemExtension.class)
class OpenApiDocumentIT {

    private static final String SCHEMAS = "#/components/schemas/";

    @Test
    void everyRecordOfTheApiIsDescribedWithAllItsProperties(RunningSystem system) {
        Map<String, Object> schemas = map(map(document(system).get("components")).get("schemas"));
        Map<String, Class<?>> records = RecordSchemas.records(
                RecordSchemas.resources(RecordSchemas.class.getClassLoader(), "org.trustfund.web"));
        assertTrue(records.size() > 20 && records.containsKey("NewPledge") && records.containsKey("NewContribution"),
                "the records were found by reflection: " + records.keySet());

        List<String> problems = new ArrayList<>();
        records.forEach((name, record) -> {
            if (!schemas.containsKey(name)) {
                problems.add("no schema " + name + " for " + record.getName());
                return;
            }
            Map<String, Object> schema = map(schemas.get(name));
            Map<String, Object> properties = schema.containsKey("properties") ? map(schema.get("properties")) : Map.of();
            Set<String> components = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            for (RecordComponent component : record.getRecordComponents()) {
                String property = RecordSchemas.jsonName(component);
                components.add(property);
                if (schemaAnnotation(component) != null && schemaAnnotation(component).required()) {
                    required.add(property);
                }
                if (properties.containsKey(property)) {
                    String expected = expectedType(component.getGenericType());
                    String served = servedType(map(properties.get(property)));
                    if (!expected.equals(served)) {
                        problems.add(name + "." + property + " is " + served + " in the document, " + expected
                                + " in the code");
                    }
                }
            }
            if (!components.equals(new TreeSet<>(properties.keySet()))) {
                problems.add(name + " has properties " + new TreeSet<>(properties.keySet()) + " in the document, "
                        + components + " in the code");
            }
            Set<String> servedRequired = new TreeSet<>(strings(schema.get("required")));
            if (!required.equals(servedRequired)) {
                problems.add(name + " requires " + servedRequired + " in the document, " + required + " in the code");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void pledgesAndContributionsCanBeRecordedFromTheDocument(RunningSystem system) {
        Map<String, Object> document = document(system);

        Map<String, Map<String, Object>> pledge = requestProperties(document, "/api/pledges");
        assertTrue(pledge.keySet().containsAll(List.of("donorId", "fundId", "amount", "pledgedOn", "instalments")),
                pledge::toString);
        assertMoney(document, pledge.get("amount"));
        Map<String, Map<String, Object>> instalment = properties(document, map(pledge.get("instalments").get("items")));
        assertEquals(Map.of("type", "string", "format", "date"), instalment.get("dueDate"));
        assertMoney(document, instalment.get("amount"));

        Map<String, Map<String, Object>> contribution = requestProperties(document, "/api/contributions");
        assertTrue(contribution.keySet().containsAll(List.of("donorId", "fundId", "receivedDate", "amount",
                "bankReference", "applications")), contribution::toString);
        assertMoney(document, contribution.get("amount"));
        assertEquals("array", contribution.get("applications").get("type"));
        Map<String, Map<String, Object>> application =
                properties(document, map(contribution.get("applications").get("items")));
        assertEquals(Map.of("type", "integer", "format", "int64"), application.get("instalmentId"));
        assertMoney(document, application.get("amount"));
    }

    @Test
    void everyReferenceInTheDocumentLeadsToASchema(RunningSystem system) {
        Map<String, Object> document = document(system);
        Set<String> names = map(map(document.get("components")).get("schemas")).keySet();
        Set<String> dangling = new TreeSet<>();
        references(document, dangling);
        dangling.removeIf(ref -> ref.startsWith(SCHEMAS) && names.contains(ref.substring(SCHEMAS.length())));
        dangling.removeIf(ref -> ref.startsWith("#/components/responses/"));
        assertTrue(dangling.isEmpty(), "references to no schema: " + dangling);
    }

    /** Money is an object of two strings: the decimal amount is never a JSON number. */
    private static void assertMoney(Map<String, Object> document, Map<String, Object> property) {
        Map<String, Map<String, Object>> money = properties(document, property);
        assertEquals(Set.of("amount", "currency"), money.keySet());
        assertEquals("string", money.get("amount").get("type"));
        assertEquals("string", money.get("currency").get("type"));
    }

    private static Map<String, Map<String, Object>> requestProperties(Map<String, Object> document, String path) {
        Map<String, Object> post = map(map(map(document.get("paths")).get(path)).get("post"));
        Map<String, Object> content = map(map(post.get("requestBody")).get("content"));
        assertTrue(content.containsKey("application/json"), "POST " + path + " takes JSON: " + content);
        return properties(document, map(map(content.get("application/json")).get("schema")));
    }

    /** The properties of a schema, following its {@code $ref}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> document,
            Map<String, Object> schema) {
        Map<String, Object> resolved = schema;
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            assertTrue(ref.startsWith(SCHEMAS), ref);
            resolved = map(map(map(document.get("components")).get("schemas")).get(ref.substring(SCHEMAS.length())));
        }
        assertTrue(resolved != null && resolved.containsKey("properties"), "a schema with properties: " + schema);
        return (Map<String, Map<String, Object>>) (Map<String, ?>) resolved.get("properties");
    }

    /** The type a record component has in JSON, written here without {@link RecordSchemas}. */
    private static String expectedType(Type type) {
        if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
            return "array of " + expectedType(p.getActualTypeArguments()[0]);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return "$ref " + c.getSimpleName();
        }
        if (c.isEnum() || c == String.class) {
            return "string";
        }
        if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
            return "integer";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        return "a Java type this test does not know: " + c.getName();
    }

    @SuppressWarnings("unchecked")
    private static String servedType(Map<String, Object> property) {
        if (property.containsKey("allOf")) {
            return servedType(((List<Map<String, Object>>) property.get("allOf")).get(0));
        }
        if (property.containsKey("$ref")) {
            String ref = (String) property.get("$ref");
            return "$ref " + ref.substring(ref.lastIndexOf('/') + 1);
        }
        if ("array".equals(property.get("type"))) {
            return "array of " + (property.get("items") == null ? "nothing" : servedType(map(property.get("items"))));
        }
        return String.valueOf(property.get("type"));
    }

    /** {@code @Schema} is kept on a record component's field (it does not target record components). */
    private static Schema schemaAnnotation(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(Schema.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void references(Object node, Set<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    found.add(String.valueOf(value));
                } else {
                    references(value, found);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> references(item, found));
        }
    }

    /** The document as JSON, as a client asks for it. */
    private static Map<String, Object> document(RunningSystem system) {
        URI url = URI.create(system.baseUrl()).resolve("/openapi");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
            assertEquals(200, reply.status(), reply::toString);
            return reply.json();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
