package org.trustfund.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the running system (started once for the whole run, stopped when the run ends) and a
 * browser of its own (closed after the test; a screenshot is kept if the test failed).
 */
public class SystemExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SystemExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningSystem.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningSystem system = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(RunningSystem.class, k -> RunningSystem.start(), RunningSystem.class);
        if (parameter.getParameter().getType() == RunningSystem.class) {
            return system;
        }
        return context.getStore(NS).getOrComputeIfAbsent(Browser.class, k -> new ClosingBrowser(system.newBrowser()),
                ClosingBrowser.class).browser;
    }

    /** Runs before the browser is closed, so a failed test leaves a picture of what the user saw. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        ClosingBrowser b = context.getStore(NS).get(Browser.class, ClosingBrowser.class);
        if (b != null && context.getExecutionException().isPresent()) {
            b.browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    /** Lets the store close the browser after the test, after any failure screenshot. */
    private record ClosingBrowser(Browser browser) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            browser.close();
        }
    }

    static Browser openBrowser(String baseUrl) {
        try {
            return new Browser(baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
