package org.trustfund.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Chart.js configurations for PrimeFaces {@code p:chart}: bar charts in US dollars, titled, with or without legend. */
public final class Charts {

    /** Colours distinguishable in print and by people with the commoner colour-vision deficiencies. */
    public static final String[] COLOURS = {"#1f6fb2", "#f0a202", "#2e8540", "#8c4799", "#d83933", "#00a6a6", "#6b6b6b"};

    private Charts() {
    }

    public static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
    }

    public static String bar(JsonArrayBuilder labels, JsonArrayBuilder datasets, String title, boolean legend) {
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("plugins", Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", Json.createObjectBuilder().add("display", legend)))
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "USD"))));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }
}
