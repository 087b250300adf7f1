package org.trustfund.web.donor;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.DuplicateDonorException;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.Country;
import org.trustfund.reference.ReferenceData;
import org.trustfund.reference.UnLanguage;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Pages;
import org.trustfund.web.platform.Messages;

/** Backs the form that records a new donor or changes one ({@code ?id=}). */
@Named
@ViewScoped
public class EditDonorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData reference;

    private Long id;
    private long version;
    private String name;
    private StakeholderGroup stakeholderGroup;
    private String country;
    private String contactName;
    private String contactEmail;
    private boolean publiclyNamed = true;
    private String correspondenceLanguage = UnLanguage.ENGLISH.code();
    private List<Country> countries;
    private DuplicateDonorException duplicate;

    /** Called on page load (view action): fills the form from the donor being changed. */
    public void load() {
        if (!Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        countries = reference.countries();
        if (id != null && !FacesContext.getCurrentInstance().isPostback()) {
            Donor donor = donors.find(id).orElseThrow(() -> new UnknownRecordException("donor.unknown", id));
            version = donor.getVersion();
            DonorDetails d = donor.details();
            name = d.name();
            stakeholderGroup = d.stakeholderGroup();
            country = d.countryCode();
            contactName = d.contactName();
            contactEmail = d.contactEmail();
            publiclyNamed = d.publiclyNamed();
            correspondenceLanguage = d.correspondenceLanguage();
        }
    }

    public void save() throws IOException {
        save(false);
    }

    /**
     * The user was shown the donor of the same name and country and says this is another one. Confirms only that
     * donor: if the name or country now match a different one, that one is shown first.
     */
    public void saveAnyway() throws IOException {
        Long shown = duplicate == null ? null : duplicate.existingId();
        Long now = donors.sameNameAndCountry(details()).map(Donor::getId).orElse(null);
        save(now == null || now.equals(shown));
    }

    private DonorDetails details() {
        return new DonorDetails(name, stakeholderGroup, country, contactName, contactEmail, publiclyNamed,
                correspondenceLanguage);
    }

    private void save(boolean duplicateConfirmed) throws IOException {
        DonorDetails details = details();
        Donor saved;
        duplicate = null;
        try {
            saved = id == null ? donors.create(details, duplicateConfirmed) : donors.update(id, version, details);
        } catch (DuplicateDonorException e) {
            duplicate = e;
            Messages.showFailure(e, "donor");
            return;
        } catch (RuntimeException e) {
            Messages.showFailure(e, "donor");
            return;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.getFlash().setKeepMessages(true);
        Messages.info(id == null ? "donor.created" : "donor.updated", saved.getName());
        ec.redirect(ec.getRequestContextPath() + "/finance/donor.xhtml?id=" + saved.getId());
    }

    /** A donor of the same name and country, found on the last save; null if none. */
    public DuplicateDonorException getDuplicate() {
        return duplicate;
    }

    public StakeholderGroup[] getGroups() {
        return StakeholderGroup.values();
    }

    public List<String> getLanguages() {
        return UnLanguage.codes();
    }

    public List<Country> getCountries() {
        return countries;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StakeholderGroup getStakeholderGroup() {
        return stakeholderGroup;
    }

    public void setStakeholderGroup(StakeholderGroup stakeholderGroup) {
        this.stakeholderGroup = stakeholderGroup;
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

    public String getCorrespondenceLanguage() {
        return correspondenceLanguage;
    }

    public void setCorrespondenceLanguage(String correspondenceLanguage) {
        this.correspondenceLanguage = correspondenceLanguage;
    }
}
