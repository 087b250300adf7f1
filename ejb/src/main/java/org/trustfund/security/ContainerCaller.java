package org.trustfund.security;

import jakarta.ejb.EJBContext;
import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The caller of the current enterprise bean invocation, as the container knows it. Looked up per call:
 * the EJB context belongs to the invocation, not to this bean.
 */
@ApplicationScoped
public class ContainerCaller implements Caller {

    private static EJBContext context() {
        try {
            return (EJBContext) new InitialContext().lookup("java:comp/EJBContext");
        } catch (NamingException e) {
            throw new IllegalStateException("Caller asked for outside an enterprise bean invocation", e);
        }
    }

    @Override
    public String name() {
        return context().getCallerPrincipal().getName();
    }

    @Override
    public boolean isInRole(String role) {
        return context().isCallerInRole(role);
    }
}
