package org.trustfund.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant as text in UTC for message parameters ({@code #{utcTime.format(i)}}), where a converter cannot be
 * attached: the same form as {@link UtcInstantConverter}, with "UTC" after it.
 */
@Named
@ApplicationScoped
public class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
