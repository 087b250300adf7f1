package org.trustfund.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/** Backs the currencies page: the accepted currencies, and adding one by its ISO 4217 code. */
@Named
@ViewScoped
public class CurrenciesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ReferenceData referenceData;

    private List<AcceptedCurrency> currencies;

    private String code;
    private String name;

    @PostConstruct
    void load() {
        currencies = referenceData.currencies();
    }

    public void add() {
        try {
            AcceptedCurrency added = referenceData.addCurrency(code, name);
            Messages.info("currency.added", added.getCode(), added.getName());
            code = null;
            name = null;
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newCurrency");
        }
    }

    public List<AcceptedCurrency> getCurrencies() {
        return currencies;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
