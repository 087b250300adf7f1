package org.trustfund.web.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublicPageCacheTest {

    @Test
    void gzipIsSentOnlyToAReaderWhoAcceptsIt() {
        assertTrue(PublicPageCache.acceptsGzip("gzip, deflate, br"));
        assertTrue(PublicPageCache.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertFalse(PublicPageCache.acceptsGzip(null));
        assertFalse(PublicPageCache.acceptsGzip("identity"));
        assertFalse(PublicPageCache.acceptsGzip("gzip;q=0"));
        assertFalse(PublicPageCache.acceptsGzip("gzip; q=0.0"));
        assertFalse(PublicPageCache.acceptsGzip("x-gzip2"));
    }

    @Test
    void theCompressedAnswerHasItsOwnTag() {
        assertEquals("\"abc-gzip\"", PublicPageCache.gzipTag("\"abc\""));
        assertEquals("W/\"abc-gzip\"", PublicPageCache.gzipTag("W/\"abc\""));
    }
}
