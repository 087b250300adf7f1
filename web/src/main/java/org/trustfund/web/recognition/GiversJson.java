package org.trustfund.web.recognition;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.money.Money;
import org.trustfund.recognition.Givers;
import org.trustfund.web.api.MoneyJson;

/** The givers' list as the API gives it: amounts in US dollars as money objects, never JSON numbers. */
public record GiversJson(long fundId, String fundCode, int year,
        @Schema(description = "The givers who may be named, by name") List<GiverJson> named,
        @Schema(description = "Anonymous givers and those who asked not to be named: counted, never named")
        int notNamedCount, MoneyJson notNamedUsd, List<ChannelJson> channels, MoneyJson directCashUsd,
        MoneyJson inKindUsd, @Schema(description = "What givers gave through intermediaries (the gross)")
        MoneyJson throughChannelsUsd) {

    public record GiverJson(String name, @Schema(description = "Stakeholder group, or PERSON, COMPANY, FOUNDATION")
            String group, @Schema(description = "The intermediary it came through; null when given directly")
            String channel, MoneyJson cashUsd, MoneyJson inKindUsd, MoneyJson throughChannelUsd) {
    }

    public record ChannelJson(String name, int givers, int notNamed, MoneyJson grossUsd, MoneyJson feesUsd,
            @Schema(description = "What the fund received: its income") MoneyJson netUsd) {
    }

    static GiversJson of(Givers g) {
        return new GiversJson(g.fundId(), g.fundCode(), g.year(), g.named().stream().map(x -> new GiverJson(x.name(),
                x.group(), x.channel(), usd(x.cashUsd()), usd(x.inKindUsd()), usd(x.throughChannelUsd()))).toList(),
                g.notNamedCount(), usd(g.notNamedUsd()), g.channels().stream().map(c -> new ChannelJson(c.name(), c.givers(),
                        c.notNamed(), usd(c.grossUsd()), usd(c.feesUsd()), usd(c.netUsd()))).toList(),
                usd(g.directCashUsd()), usd(g.inKindUsd()), usd(g.throughChannelsUsd()));
    }

    private static MoneyJson usd(BigDecimal amount) {
        return MoneyJson.of(Money.of(amount, "USD"));
    }
}
