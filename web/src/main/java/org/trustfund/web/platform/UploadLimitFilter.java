package org.trustfund.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An upload over the container's limits (web.xml multipart-config) would fail inside Faces and reach the
 * error page. Here the form is parsed first; when it is too large the browser is sent back to the same page,
 * which says "The file is larger than 10 MB" at the upload field ({@link UploadRefusal}).
 */
public class UploadLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UploadLimitFilter.class.getName());

    /** web.xml's max-request-size: a 10 MB file and the rest of the form. */
    public static final long MAX_REQUEST_BYTES = 11_534_336L;
    /** How much of a refused upload is read and thrown away so the browser gets the answer, not a reset. */
    private static final long MAX_DRAINED_BYTES = 128L * 1024 * 1024;
    /** The query parameter that tells the page why it came back. */
    public static final String REFUSED_PARAMETER = "upload";
    public static final String REFUSED_VALUE = "tooLarge";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isMultipartPost(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean tooLarge = request.getContentLengthLong() > MAX_REQUEST_BYTES;
        if (!tooLarge) {
            try {
                // Parsed once here; Faces gets the same parts from the request later.
                request.getParts();
            } catch (IllegalStateException e) {
                // The container's refusal of a file or form over multipart-config's limits.
                LOG.log(Level.FINE, "Upload refused", e);
                tooLarge = true;
            }
        }
        if (!tooLarge) {
            chain.doFilter(request, response);
            return;
        }
        drain(request);
        String target = request.getRequestURI() + "?" + REFUSED_PARAMETER + "=" + REFUSED_VALUE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An AJAX upload expects a Faces partial response; it can carry the same redirect.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + target.replace("&", "&amp;").replace("\"", "&quot;") + "\"/>"
                    + "</partial-response>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    static boolean isMultipartPost(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Reads what is left of the refused body, up to a bound; a browser still sending would see a reset. */
    private static void drain(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < MAX_DRAINED_BYTES && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing left to read, or the container has already given up on the body.
            LOG.log(Level.FINE, "Refused upload not drained", e);
        }
    }
}
