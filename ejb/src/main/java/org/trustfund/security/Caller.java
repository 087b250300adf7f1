package org.trustfund.security;

/** Who is calling a service, and in which roles: what the services need of the container's security. */
public interface Caller {

    String name();

    boolean isInRole(String role);
}
