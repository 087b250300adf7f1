package org.trustfund.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.trustfund.platform.BusinessException;

/**
 * A business rule refused the call: 400 naming the field; by the exception's type, 403 for access, 404 for an
 * unknown id, 409 for a concurrent change, 422 for a stale rate used without a reason.
 */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(BusinessException failure) {
        return ApiErrors.toResponse(failure, headers, security);
    }
}
