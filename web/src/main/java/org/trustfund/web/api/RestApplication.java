package org.trustfund.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root. Resources are found by scanning; each carries its own role check. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
