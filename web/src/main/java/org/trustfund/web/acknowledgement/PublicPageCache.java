package org.trustfund.web.acknowledgement;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trustfund.recognition.GiversList;

/**
 * Keeps the public supporters page as rendered, per fund, year and Accept-Language, for as long as nothing has been
 * recorded since: every change that could alter it (a certification, a reversal, a donor's details or preference, a
 * fund's setting) writes an audit entry, so the newest audit entry's id is the page's freshness mark, read with one
 * primary-key lookup, made at most once a second unless this server records something (then at once). A reader gets
 * the kept page (or 304 for its ETag) without the page being rendered again; many anonymous readers at once then cost
 * a map lookup each, not a render each.
 */
public class PublicPageCache extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Pages kept at most; beyond it the cache starts again. Real readers need funds × years × a few languages; the bound
     * keeps odd Accept-Language values from anyone from growing it past some 25 MB.
     */
    static final int MAX_ENTRIES = 200;

    /**
     * A page as rendered when the newest audit entry was {@code mark}; last found still fresh when this server had
     * added {@code addedHere} entries, at {@code checkedAt} (nanoTime).
     */
    private record Kept(long mark, long addedHere, long checkedAt, String etag, String contentType, String cacheControl,
            String vary, byte[] body, byte[] gzipped) {

        Kept checked(long added, long at) {
            return new Kept(mark, added, at, etag, contentType, cacheControl, vary, body, gzipped);
        }
    }

    /**
     * How long a page found fresh is served without asking the database again, unless this server records something
     * meanwhile: what another server records shows within this time.
     */
    static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @EJB
    private GiversList givers;

    @jakarta.inject.Inject
    private org.trustfund.audit.AuditRepository audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // Keyed by the language the page will be in, not the raw header: at most six copies of a fund-year.
        String key = String.valueOf(request.getParameter("fund")) + '|' + request.getParameter("year") + '|'
                + PublicSupportersPage.language(request.getParameter("lang"), request.getHeader("Accept-Language"))
                        .getLanguage();
        long added = audit.addedHere();
        long now = System.nanoTime();
        Kept page = kept.get(key);
        if (page != null && page.addedHere() == added && now - page.checkedAt() < RECHECK_NANOS) {
            serve(page, request, response);
            return;
        }
        long mark = givers.changeMark();
        if (page != null && page.mark() == mark) {
            kept.put(key, page.checked(added, now));
            serve(page, request, response);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        byte[] body = capture.body();
        if (capture.status == HttpServletResponse.SC_OK && capture.getHeader("ETag") != null && body.length > 0) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            Kept rendered = new Kept(mark, added, now, capture.getHeader("ETag"), capture.getContentType(),
                    capture.getHeader("Cache-Control"), capture.getHeader("Vary"), body, gzip(body));
            kept.put(key, rendered);
            serve(rendered, request, response);
            return;
        }
        if (body.length > 0) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void serve(Kept page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The page holds no script: the pages' policy without a nonce, instead of the one Faces would add.
        String policy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
        if (policy != null) {
            response.setHeader("Content-Security-Policy", policy);
        }
        // Compressed for a reader who accepts it (a 117 KB page of names shrinks about tenfold); each encoding has its
        // own tag, as the two answers differ byte for byte.
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? gzipTag(page.etag()) : page.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", page.cacheControl());
        response.setHeader("Vary", page.vary() == null ? "Accept-Encoding" : page.vary() + ", Accept-Encoding");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = gzip ? page.gzipped() : page.body();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentType(page.contentType());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Whether Accept-Encoding lists gzip (and not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                return p.length < 2 || !p[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** {@code "abc"} → {@code "abc-gzip"}: the compressed answer's own tag. */
    static String gzipTag(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag + "-gzip";
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    private static String clip(String header) {
        return header == null ? "" : header.length() > 100 ? header.substring(0, 100) : header;
    }

    /** The rendered answer, held back so that it can be kept before it goes out. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
        private PrintWriter writer;
        private ServletOutputStream stream;
        private int status = SC_OK;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            status = SC_FOUND;
            super.sendRedirect(location);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(bytes, charset));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking only");
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public void setContentLength(int len) {
            // Set from what was captured, once it is known.
        }

        @Override
        public void setContentLengthLong(long len) {
            // As above.
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            if (writer != null) {
                writer.flush();
            }
            bytes.reset();
        }

        @Override
        public void reset() {
            super.reset();
            if (writer != null) {
                writer.flush();
            }
            bytes.reset();
            status = SC_OK;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }
    }
}
