package org.trustfund.testing;

import java.util.Set;
import org.trustfund.security.Caller;

/** A caller with a fixed name and roles, standing in for the container's security outside it. */
public record FixedCaller(String name, Set<String> roles) implements Caller {

    public static FixedCaller of(String name, String... roles) {
        return new FixedCaller(name, Set.of(roles));
    }

    @Override
    public boolean isInRole(String role) {
        return roles.contains(role);
    }
}
