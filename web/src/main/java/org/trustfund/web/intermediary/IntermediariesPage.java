package org.trustfund.web.intermediary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.DuplicateDonorException;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.intermediary.Intermediary;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.TransferQuery;
import org.trustfund.reference.Country;
import org.trustfund.web.donor.DonorChoice;
import org.trustfund.web.donor.DonorPicker;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /finance/intermediaries.xhtml}: the foundations that pass on other people's gifts, with their fee
 * terms and how many transfers each sent. A finance officer registers one (an existing donor, or a new donor with the
 * duplicate check of donors) and changes its fee terms; the version the page was loaded with guards the change.
 */
@Named
@ViewScoped
public class IntermediariesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "register";

    @EJB
    private IntermediaryService service;

    @EJB
    private DonorService donors;

    @EJB
    private org.trustfund.reference.ReferenceData reference;

    private List<Row> rows = List.of();
    private DonorPicker donorPicker;

    // Register: an existing donor, or a new one.
    private boolean newDonor = true;
    private DonorChoice existing;
    private String name;
    private StakeholderGroup group = StakeholderGroup.FOUNDATION;
    private String country;
    private String contactName;
    private String contactEmail;
    private boolean publiclyNamed = true;
    private String feeTerms;
    private DuplicateDonorException duplicate;

    // Change of fee terms.
    private Long changingId;
    private long changingVersion;
    private String newFeeTerms;

    /** One intermediary with the number of transfers it sent. */
    public record Row(Intermediary intermediary, long transfers, long pending) implements Serializable {
    }

    @PostConstruct
    void load() {
        donorPicker = new DonorPicker(donors);
        rows = service.intermediaries().stream().map(i -> new Row(i,
                service.countTransfers(new TransferQuery(i.getId(), null, null, null, null, null)),
                service.countTransfers(new TransferQuery(i.getId(), null, null, true, null, null)))).toList();
    }

    public String register() {
        return save(false);
    }

    public String registerAnyway() {
        return save(true);
    }

    private String save(boolean duplicateConfirmed) {
        duplicate = null;
        IntermediaryInput input = newDonor
                ? new IntermediaryInput(null, new DonorDetails(name, group, country, contactName, contactEmail,
                        publiclyNamed, null),
                        feeTerms)
                : new IntermediaryInput(existing == null ? null : existing.id(), null, feeTerms);
        if (!newDonor && existing == null) {
            Messages.errorAt(FORM + ":existing", "intermediary.donor.required");
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        try {
            Intermediary saved = service.register(input, duplicateConfirmed);
            Messages.info("itm.int.registered", saved.getName());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/intermediaries?faces-redirect=true";
        } catch (DuplicateDonorException e) {
            duplicate = e;
            Messages.showFailure(e, FORM);
            return null;
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            return null;
        }
    }

    /** Opens the fee terms of one intermediary for change, as loaded now. */
    public void startChange(Intermediary i) {
        changingId = i.getId();
        changingVersion = i.getVersion();
        newFeeTerms = i.getFeeTerms();
    }

    public String changeFeeTerms() {
        try {
            Intermediary saved = service.changeFeeTerms(changingId, changingVersion, newFeeTerms);
            Messages.info("itm.int.feeTermsChanged", saved.getName());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/intermediaries?faces-redirect=true";
        } catch (RuntimeException e) {
            Messages.showFailure(e, "feeTerms");
            return null;
        }
    }

    public List<Country> getCountries() {
        return reference.countries();
    }

    public StakeholderGroup[] getGroups() {
        return StakeholderGroup.values();
    }

    public List<Row> getRows() {
        return rows;
    }

    public DonorPicker getDonorPicker() {
        return donorPicker;
    }

    public boolean isNewDonor() {
        return newDonor;
    }

    public void setNewDonor(boolean newDonor) {
        this.newDonor = newDonor;
    }

    public DonorChoice getExisting() {
        return existing;
    }

    public void setExisting(DonorChoice existing) {
        this.existing = existing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StakeholderGroup getGroup() {
        return group;
    }

    public void setGroup(StakeholderGroup group) {
        this.group = group;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public boolean isPubliclyNamed() {
        return publiclyNamed;
    }

    public void setPubliclyNamed(boolean publiclyNamed) {
        this.publiclyNamed = publiclyNamed;
    }

    public String getFeeTerms() {
        return feeTerms;
    }

    public void setFeeTerms(String feeTerms) {
        this.feeTerms = feeTerms;
    }

    public DuplicateDonorException getDuplicate() {
        return duplicate;
    }

    public String getNewFeeTerms() {
        return newFeeTerms;
    }

    public void setNewFeeTerms(String newFeeTerms) {
        this.newFeeTerms = newFeeTerms;
    }

    public Long getChangingId() {
        return changingId;
    }
}
