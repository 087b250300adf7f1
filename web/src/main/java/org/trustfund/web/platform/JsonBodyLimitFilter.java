package org.trustfund.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.trustfund.web.api.ApiError;
import org.trustfund.web.api.ApiLocale;

/**
 * Refuses API request bodies over {@value #MAX_BYTES} bytes with 413 and the API's JSON error, before any
 * of the body is parsed: by the declared Content-Length, or, for a body sent without one (chunked), by
 * counting what arrives, up to one byte past the limit. A body within the limit is handed on from memory.
 */
public class JsonBodyLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** 1 MiB: the largest call (a contribution with its applications) is a few kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** How much of a refused body is read and thrown away so that the client gets to read the 413. */
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            byte[] body = readAtMost(request.getInputStream(), MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A body without a declared length: chunked in HTTP/1.1, or any HTTP/2 request that may carry one (HTTP/2
     * has no Transfer-Encoding). An empty one reads as nothing.
     */
    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader("Transfer-Encoding") != null || "POST".equals(method) || "PUT".equals(method)
                || "PATCH".equals(method) || "DELETE".equals(method);
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json = ApiError.of(413, ApiLocale.of(request), null, "api.body.tooLarge", MAX_BYTES / (1024 * 1024))
                .toJson();
        response.setStatus(413);
        if (!discardRest(request) && request.getProtocol().startsWith("HTTP/1")) {
            // An HTTP/1 connection with unread bytes on it cannot be used again (HTTP/2 resets the stream
            // by itself and forbids this header).
            response.setHeader("Connection", "close");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Reads what is left of a refused body and throws it away (never parsed, never kept), up to a bound: a
     * client still sending when the connection closes may never read the answer. True if all was read.
     */
    private static boolean discardRest(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            InputStream in = request.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > MAX_DISCARDED_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        /** One stream for the request, as the container gives: callers may ask more than once and read on. */
        private final ServletInputStream stream;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            this.stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Not asynchronous");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(stream, charset));
        }
    }
}
