package org.trustfund.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes what changed in a record, field by field, for the audit log: {@code enabled: true → false}.
 * Fields whose value did not change are left out.
 */
public final class Changes {

    private final List<String> lines = new ArrayList<>();

    private Changes() {
    }

    public static Changes of() {
        return new Changes();
    }

    public Changes field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            lines.add(name + ": " + before + " → " + after);
        }
        return this;
    }

    /** A value that was set for the first time, as on a new record. */
    public Changes value(String name, Object value) {
        lines.add(name + ": " + value);
        return this;
    }

    /** A field that changed but whose values must not be written down, such as a password. */
    public Changes secret(String name) {
        lines.add(name + ": changed");
        return this;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    @Override
    public String toString() {
        return String.join("; ", lines);
    }
}
