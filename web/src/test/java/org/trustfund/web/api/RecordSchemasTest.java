package org.trustfund.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trustfund.web.account.MeResource;
import org.trustfund.web.contribution.ContributionJson;
import org.trustfund.web.contribution.ContributionResource;
import org.trustfund.web.pledge.PledgeJson;
import org.trustfund.web.pledge.PledgeResource;

/**
 * Every JSON record a resource method reads or answers with has a schema with exactly its components as
 * properties, each of the type JSON-B gives it. The records are found from the resources' method signatures,
 * so a record or a component added later is checked without changing this test.
 */
class RecordSchemasTest {

    private static final List<Class<?>> RESOURCES =
            RecordSchemas.resources(RecordSchemasTest.class.getClassLoader(), RecordSchemas.ROOT_PACKAGE);

    @Test
    void theResourcesAreFound() {
        assertTrue(RESOURCES.contains(PledgeResource.class), RESOURCES::toString);
        assertTrue(RESOURCES.contains(ContributionResource.class), RESOURCES::toString);
        assertTrue(RESOURCES.contains(RestApplication.class), "its definition names the error schema");
    }

    @Test
    void everyRecordInASignatureHasASchema() {
        Set<Class<?>> inSignatures = new SignatureRecords().fromSignatures(RESOURCES);
        assertTrue(inSignatures.size() > 20, "records found in the signatures: " + inSignatures);
        Map<String, Class<?>> described = RecordSchemas.records(RESOURCES);
        for (Class<?> record : inSignatures) {
            assertEquals(record, described.get(record.getSimpleName()),
                    record.getName() + " has a schema of its own name (names must be unique across the API)");
        }
        assertTrue(described.containsKey("ApiError"), "the error answer is described");
        assertTrue(described.containsKey("MoneyJson"), "money inside the records is described");
    }

    @Test
    void everySchemaHasExactlyTheRecordsComponentsWithTheirTypes() {
        List<String> problems = new ArrayList<>();
        for (Class<?> record : RecordSchemas.records(RESOURCES).values()) {
            Map<String, Object> schema = RecordSchemas.schema(record);
            Map<String, Map<String, Object>> properties = properties(schema);
            Set<String> expected = new TreeSet<>();
            for (RecordComponent component : record.getRecordComponents()) {
                String name = RecordSchemas.jsonName(component);
                expected.add(name);
                Map<String, Object> property = properties.get(name);
                if (property == null) {
                    problems.add(record.getSimpleName() + "." + name + " is missing");
                } else if (!expectedType(component.getGenericType()).equals(typeOf(property))) {
                    problems.add(record.getSimpleName() + "." + name + " is " + typeOf(property) + ", not "
                            + expectedType(component.getGenericType()));
                }
            }
            if (!expected.equals(new TreeSet<>(properties.keySet()))) {
                problems.add(record.getSimpleName() + " has properties " + properties.keySet() + ", not " + expected);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void newPledgesAndContributionsCarryTheirAmountsAndLines() {
        Map<String, Map<String, Object>> pledge = properties(RecordSchemas.schema(PledgeJson.NewPledge.class));
        assertEquals(Map.of("$ref", "#/components/schemas/MoneyJson"), pledge.get("amount"));
        assertEquals("array", pledge.get("instalments").get("type"));
        assertEquals(Map.of("$ref", "#/components/schemas/NewInstalment"), pledge.get("instalments").get("items"));
        assertEquals(Map.of("type", "integer", "format", "int32", "example", 2025L), pledge.get("firstYear"));
        assertEquals(List.of("donorId", "fundId", "amount", "firstYear", "lastYear", "pledgedOn", "instalments"),
                RecordSchemas.schema(PledgeJson.NewPledge.class).get("required"));

        Map<String, Map<String, Object>> contribution =
                properties(RecordSchemas.schema(ContributionJson.NewContribution.class));
        assertEquals(Map.of("$ref", "#/components/schemas/MoneyJson"), contribution.get("amount"));
        assertEquals(Map.of("$ref", "#/components/schemas/NewApplication"),
                contribution.get("applications").get("items"));
        assertEquals(Map.of("type", "string", "format", "date", "description",
                "Not in the future; fixes the exchange rate"), contribution.get("receivedDate"));
        assertEquals(Map.of("type", "integer", "format", "int64"), contribution.get("donorId"));

        Map<String, Map<String, Object>> money = properties(RecordSchemas.schema(MoneyJson.class));
        assertEquals("string", money.get("amount").get("type"), "amounts are decimal strings, never numbers");
    }

    @Test
    void anEnumListIsAnArrayOfItsNames() {
        Map<String, Map<String, Object>> me = properties(RecordSchemas.schema(MeResource.Me.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> items = (Map<String, Object>) me.get("roles").get("items");
        assertEquals("string", items.get("type"));
        assertTrue(((List<?>) items.get("enum")).contains("FINANCE_OFFICER"), items::toString);
    }

    /** The type a component must have, written independently of {@link RecordSchemas#typeOf}. */
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
        return "unexpected Java type " + c.getName();
    }

    @SuppressWarnings("unchecked")
    private static String typeOf(Map<String, Object> property) {
        if (property.containsKey("allOf")) {
            return typeOf(((List<Map<String, Object>>) property.get("allOf")).get(0));
        }
        if (property.containsKey("$ref")) {
            String ref = (String) property.get("$ref");
            return "$ref " + ref.substring(ref.lastIndexOf('/') + 1);
        }
        if ("array".equals(property.get("type"))) {
            return "array of " + typeOf((Map<String, Object>) property.get("items"));
        }
        return String.valueOf(property.get("type"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        assertEquals("object", schema.get("type"));
        return (Map<String, Map<String, Object>>) schema.get("properties");
    }

    /** The records in the resources' method signatures, found here without {@link RecordSchemas#records}. */
    private static final class SignatureRecords {

        private final Map<String, Class<?>> found = new LinkedHashMap<>();

        Set<Class<?>> fromSignatures(List<Class<?>> resources) {
            for (Class<?> resource : resources) {
                for (Method method : resource.getDeclaredMethods()) {
                    if (!RecordSchemas.isResourceMethod(method)) {
                        continue;
                    }
                    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                        if (RecordSchemas.isBody(parameter)) {
                            add(parameter.getParameterizedType());
                        }
                    }
                    if (method.getReturnType() != Response.class) {
                        add(method.getGenericReturnType());
                    }
                }
            }
            return new java.util.LinkedHashSet<>(found.values());
        }

        private void add(Type type) {
            if (type instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    add(argument);
                }
            } else if (type instanceof Class<?> c && c.isRecord() && found.putIfAbsent(c.getName(), c) == null) {
                for (RecordComponent component : c.getRecordComponents()) {
                    add(component.getGenericType());
                }
            }
        }
    }
}
