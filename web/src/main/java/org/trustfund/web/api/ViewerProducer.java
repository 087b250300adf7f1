package org.trustfund.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes the {@link Viewer} of the request being answered, for the resources ({@code @Inject Viewer}): one
 * place instead of each resource taking the security context and headers to make one.
 */
@ApplicationScoped
public class ViewerProducer {

    @Produces
    Viewer viewerOf(HttpServletRequest request) {
        return new Viewer(Viewer.isDonorOnly(request::isUserInRole), ApiLocale.of(request));
    }
}
