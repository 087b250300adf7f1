package org.trustfund.web.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schemas of the JSON records the REST resources read and write, taken from the records
 * themselves. Payara's generator drops record components it meets in the wrong order (a {@code MoneyJson} or a
 * list next to an annotated component vanished from {@code NewPledge}), so {@link RecordSchemaFilter} puts these
 * in the served document instead. A schema is plain JSON-like maps, as the document shows it.
 */
public final class RecordSchemas {

    /** Where the resources are looked for: the web module's own classes. */
    static final String ROOT_PACKAGE = "org.trustfund.web";

    private static final String REF = "#/components/schemas/";

    private RecordSchemas() {
    }

    /**
     * The classes under {@code packageName} with {@code @Path} (the REST resources) or {@code @ApplicationPath}
     * (whose OpenAPI definition names the error answer's schema).
     */
    public static List<Class<?>> resources(ClassLoader loader, String packageName) {
        List<Class<?>> resources = new ArrayList<>();
        for (String name : classNames(loader, packageName)) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(ApplicationPath.class)) {
                    resources.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot be loaded here is no resource the server could run either.
            }
        }
        return resources;
    }

    /**
     * Every record the resources' methods take as a body or answer with (directly, in a list, or by name in an
     * {@code @APIResponse}/{@code @RequestBody} schema), and every record those contain, by schema name.
     */
    public static Map<String, Class<?>> records(Collection<Class<?>> resources) {
        Map<String, Class<?>> byName = new TreeMap<>();
        Map<String, Class<?>> known = new TreeMap<>();
        Map<String, ClassLoader> packages = new TreeMap<>();
        resources.forEach(r -> packages.putIfAbsent(r.getPackageName(), r.getClassLoader()));
        packages.forEach((name, loader) -> recordsIn(loader, name)
                .forEach(r -> known.putIfAbsent(r.getSimpleName(), r)));
        for (Class<?> resource : resources) {
            for (String named : schemaNames(resource)) {
                Class<?> record = known.get(named);
                if (record != null) {
                    collect(record, byName);
                }
            }
            for (Method method : resource.getMethods()) {
                if (!isResourceMethod(method)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (isBody(parameter)) {
                        collect(parameter.getParameterizedType(), byName);
                    }
                }
                if (method.getReturnType() != Response.class) {
                    collect(method.getGenericReturnType(), byName);
                }
                for (String named : schemaNames(method)) {
                    Class<?> record = known.get(named);
                    if (record != null) {
                        collect(record, byName);
                    }
                }
            }
        }
        return byName;
    }

    /** The schema of one record: its components as properties, under the names JSON-B gives them. */
    public static Map<String, Object> schema(Class<?> record) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Schema onType = record.getAnnotation(Schema.class);
        if (onType != null && !onType.description().isEmpty()) {
            schema.put("description", onType.description());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (annotation(component, JsonbTransient.class) != null) {
                continue;
            }
            Schema annotation = annotation(component, Schema.class);
            if (annotation != null && annotation.hidden()) {
                continue;
            }
            String name = jsonName(component);
            properties.put(name, property(component.getGenericType(), annotation));
            if (annotation != null && annotation.required()) {
                required.add(name);
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** The property name JSON-B writes and reads for a record component. */
    public static String jsonName(RecordComponent component) {
        JsonbProperty renamed = annotation(component, JsonbProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    /**
     * An annotation written on a record component. {@code @Schema} and the JSON-B annotations do not target
     * record components, so Java keeps them on the component's field and accessor instead.
     */
    static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A found = component.getAnnotation(type);
        if (found == null) {
            found = component.getAccessor().getAnnotation(type);
        }
        if (found == null) {
            try {
                found = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return found;
    }

    private static Map<String, Object> property(Type type, Schema annotation) {
        Map<String, Object> property = new LinkedHashMap<>(typeOf(type));
        if (annotation == null) {
            return property;
        }
        if (property.containsKey("$ref")) {
            // A reference stands alone in OpenAPI 3.0: what the annotation says goes in an allOf around it.
            if (annotation.description().isEmpty()) {
                return property;
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("description", annotation.description());
            wrapped.put("allOf", List.of(property));
            return wrapped;
        }
        if (!annotation.format().isEmpty()) {
            property.put("format", annotation.format());
        }
        if (!annotation.description().isEmpty()) {
            property.put("description", annotation.description());
        }
        if (annotation.enumeration().length > 0) {
            property.put("enum", List.of(annotation.enumeration()));
        }
        if (!annotation.example().isEmpty()) {
            // A whole number's example is a number, as the client sends it.
            boolean whole = "integer".equals(property.get("type")) && annotation.example().matches("-?\\d{1,18}");
            property.put("example", whole ? (Object) Long.valueOf(annotation.example()) : annotation.example());
        }
        return property;
    }

    /** The OpenAPI type of a Java type as JSON-B writes it. */
    static Map<String, Object> typeOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return Map.of("type", "array", "items", typeOf(parameterized.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of("type", "object");
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", typeOf(c.getComponentType()));
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == BigInteger.class) {
            return Map.of("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == BigDecimal.class || c == double.class || c == Double.class || c == float.class
                || c == Float.class) {
            return Map.of("type", "number");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum",
                    Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        if (c.isRecord()) {
            return Map.of("$ref", REF + c.getSimpleName());
        }
        return Map.of("type", "object");
    }

    private static void collect(Type type, Map<String, Class<?>> byName) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, byName);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), byName);
            } else if (c.isRecord() && byName.putIfAbsent(c.getSimpleName(), c) == null) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(component.getGenericType(), byName);
                }
            }
        }
    }

    static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    /** The entity parameter: the one JAX-RS fills from the body, without a parameter annotation of its own. */
    static boolean isBody(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations())
                .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
    }

    /** Schema names an operation's annotations refer to ({@code ref = "PledgeView"} or an implementation). */
    private static Set<String> schemaNames(AnnotatedElement element) {
        Set<String> names = new TreeSet<>();
        for (Annotation annotation : element.getAnnotations()) {
            schemaNames(annotation, names);
        }
        return names;
    }

    private static void schemaNames(Object value, Set<String> names) {
        if (value instanceof Schema schema) {
            if (!schema.ref().isEmpty()) {
                names.add(schema.ref().substring(schema.ref().lastIndexOf('/') + 1));
            }
            if (schema.implementation() != Void.class) {
                names.add(schema.implementation().getSimpleName());
            }
        } else if (value instanceof Annotation[] many) {
            for (Annotation one : many) {
                schemaNames(one, names);
            }
        } else if (value instanceof Annotation annotation
                && annotation.annotationType().getPackageName().startsWith("org.eclipse.microprofile.openapi")) {
            for (Method member : annotation.annotationType().getDeclaredMethods()) {
                try {
                    schemaNames(member.invoke(annotation), names);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The records declared in a resources' package, by which an annotation may name a schema. */
    private static List<Class<?>> recordsIn(ClassLoader loader, String packageName) {
        List<Class<?>> records = new ArrayList<>();
        for (String name : classNames(loader, packageName)) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isRecord()) {
                    records.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // Not a record anything could answer with.
            }
        }
        return records;
    }

    /** The names of the classes in a package and below, from directories or jars on the class path. */
    static List<String> classNames(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL root : Collections.list(roots)) {
                if ("file".equals(root.getProtocol())) {
                    java.nio.file.Path base = Paths.get(root.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                        files.map(f -> base.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                                .filter(f -> f.endsWith(".class"))
                                .forEach(f -> names.add(className(folder + "/" + f)));
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".class")) {
                                names.add(className(entry.getName()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names.stream().filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info")).distinct()
                .toList();
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
