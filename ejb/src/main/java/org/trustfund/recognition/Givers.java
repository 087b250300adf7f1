package org.trustfund.recognition;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The givers of a fund in a year, as the fund publishes them: the named ones one by one, the others (anonymous, or
 * who asked not to be named) counted together; then each intermediary as the channel and contributor of record.
 * {@code throughChannelsUsd} is what givers gave through intermediaries (the gross); the fund's income from them is the
 * channels' net, which is not added to any giver, so no gift is counted twice.
 */
public record Givers(long fundId, String fundCode, int year, List<Giver> named, int notNamedCount,
        BigDecimal notNamedUsd, List<Channel> channels, BigDecimal directCashUsd, BigDecimal inKindUsd,
        BigDecimal throughChannelsUsd) implements Serializable {

    /**
     * One giver: a donor who gave directly (cash and in kind, {@code channel} null), or one who gave through the
     * intermediary {@code channel} ({@code group} is then the giver's kind: person, company or foundation).
     */
    public record Giver(String name, String group, String channel, BigDecimal cashUsd, BigDecimal inKindUsd,
            BigDecimal throughChannelUsd) implements Serializable {

        public BigDecimal totalUsd() {
            return cashUsd.add(inKindUsd).add(throughChannelUsd);
        }
    }

    /** An intermediary in the year: its givers, the gross they gave, its fees, and the net the fund received. */
    public record Channel(String name, int givers, int notNamed, BigDecimal grossUsd, BigDecimal feesUsd,
            BigDecimal netUsd) implements Serializable {
    }

    /** Everyone counted, named or not. */
    public int giverCount() {
        return named.size() + notNamedCount;
    }
}
