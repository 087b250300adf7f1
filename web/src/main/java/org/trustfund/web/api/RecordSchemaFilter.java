package org.trustfund.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Replaces the schema the server generated for each JSON record of the API with one built from the record
 * itself ({@link RecordSchemas}), so the served document has every property a client must send or may read.
 * Named in {@code META-INF/microprofile-config.properties} ({@code mp.openapi.filter}); the server runs it
 * last, after reading the annotations.
 */
public class RecordSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        ClassLoader loader = RecordSchemaFilter.class.getClassLoader();
        RecordSchemas.records(RecordSchemas.resources(loader, RecordSchemas.ROOT_PACKAGE))
                .forEach((name, record) -> components.addSchema(name, model(RecordSchemas.schema(record))));
    }

    @SuppressWarnings("unchecked")
    static Schema model(Map<String, Object> json) {
        Schema schema = OASFactory.createSchema();
        json.forEach((key, value) -> {
            switch (key) {
                case "$ref" -> schema.setRef((String) value);
                case "type" -> schema.setType(Schema.SchemaType.valueOf(((String) value).toUpperCase(Locale.ROOT)));
                case "format" -> schema.setFormat((String) value);
                case "description" -> schema.setDescription((String) value);
                case "example" -> schema.setExample(value);
                case "enum" -> schema.setEnumeration(new ArrayList<>((List<Object>) value));
                case "required" -> schema.setRequired(new ArrayList<>((List<String>) value));
                case "items" -> schema.setItems(model((Map<String, Object>) value));
                case "allOf" -> schema.setAllOf(((List<Map<String, Object>>) value).stream()
                        .map(RecordSchemaFilter::model).toList());
                case "properties" -> {
                    Map<String, Schema> properties = new LinkedHashMap<>();
                    ((Map<String, Map<String, Object>>) value).forEach((name, p) -> properties.put(name, model(p)));
                    schema.setProperties(properties);
                }
                default -> throw new IllegalArgumentException("No schema keyword " + key);
            }
        });
        return schema;
    }
}
