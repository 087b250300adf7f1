package org.trustfund.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustfund.donor.DonorService;
import org.trustfund.security.Role;
import org.trustfund.security.UserAccount;
import org.trustfund.security.UserAdministration;
import org.trustfund.web.donor.DonorChoice;
import org.trustfund.web.donor.DonorPicker;
import org.trustfund.web.platform.Messages;

/** Backs the user administration page: list, create, edit (roles, enabled, donor of a DONOR user), reset password. */
@Named
@ViewScoped
public class UserAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdministration administration;

    @EJB
    private DonorService donors;

    private DonorPicker donorPicker;
    /** Names of the donors that DONOR users act for, by donor id. */
    private Map<Long, String> donorNames = Map.of();

    private List<UserAccount> users;

    // New user form: kept as typed when refused, so the admin can correct it.
    private String newUsername;
    private String newDisplayName;
    private Role[] newRoles = new Role[0];
    private String newPassword;

    // Edit form
    private Long editId;
    private long editVersion;
    private String editUsername;
    private String editDisplayName;
    private Role[] editRoles = new Role[0];
    private boolean editEnabled;
    private DonorChoice editDonor;
    /** The other donors a DONOR user also acts for (a ministry's agency). */
    private List<DonorChoice> editOtherDonors = new java.util.ArrayList<>();

    private String temporaryPassword;
    private String temporaryPasswordFor;

    @PostConstruct
    void load() {
        if (donorPicker == null) {
            donorPicker = new DonorPicker(donors);
        }
        users = administration.listUsers();
        donorNames = donors.names(users.stream().flatMap(u -> u.getDonorIds().stream()).distinct().toList());
    }

    public void create() {
        try {
            UserAccount created = administration.createUser(newUsername, newDisplayName, toSet(newRoles),
                    newPassword == null ? new char[0] : newPassword.toCharArray());
            Messages.info("user.created", created.getUsername());
            newUsername = null;
            newDisplayName = null;
            newRoles = new Role[0];
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newUser");
        } finally {
            newPassword = null;
        }
    }

    public void startEdit(UserAccount user) {
        editId = user.getId();
        editVersion = user.getVersion();
        editUsername = user.getUsername();
        editDisplayName = user.getDisplayName();
        editRoles = user.getRoles().toArray(Role[]::new);
        editEnabled = user.isEnabled();
        editDonor = donorPicker.choice(user.getDonorId());
        editOtherDonors = new java.util.ArrayList<>(user.getDonorIds().stream().skip(1).map(donorPicker::choice)
                .filter(Objects::nonNull).toList());
    }

    public void saveEdit() {
        try {
            List<Long> donorIds = new java.util.ArrayList<>();
            if (editDonor != null) {
                donorIds.add(editDonor.id());
            }
            if (editOtherDonors != null && !editOtherDonors.isEmpty()) {
                if (editDonor == null) {
                    Messages.errorAt("editUser:donor", "user.donorLink.firstMissing");
                    return;
                }
                editOtherDonors.stream().filter(Objects::nonNull).map(DonorChoice::id).forEach(donorIds::add);
            }
            administration.updateUser(editId, editVersion, editDisplayName, toSet(editRoles), editEnabled, donorIds);
            Messages.info("user.updated", editUsername);
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "editUser");
        }
    }

    public void resetPassword(UserAccount user) {
        try {
            temporaryPassword = administration.resetPassword(user.getId(), user.getVersion());
            temporaryPasswordFor = user.getUsername();
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "users");
        }
    }

    /** The temporary password is shown once; closing the dialog forgets it. */
    public void forgetTemporaryPassword() {
        temporaryPassword = null;
        temporaryPasswordFor = null;
    }

    private static EnumSet<Role> toSet(Role[] roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            set.addAll(Arrays.asList(roles));
        }
        return set;
    }

    /** The donor a DONOR user acts for, by name; null for other users. */
    public String donorNameOf(UserAccount user) {
        return user.getDonorIds().isEmpty() ? null : String.join(", ", user.getDonorIds().stream()
                .map(id -> donorNames.getOrDefault(id, "#" + id)).toList());
    }

    public DonorPicker getDonorPicker() {
        return donorPicker;
    }

    public List<DonorChoice> getEditOtherDonors() {
        return editOtherDonors;
    }

    public void setEditOtherDonors(List<DonorChoice> editOtherDonors) {
        this.editOtherDonors = editOtherDonors;
    }

    public DonorChoice getEditDonor() {
        return editDonor;
    }

    public void setEditDonor(DonorChoice editDonor) {
        this.editDonor = editDonor;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public List<UserAccount> getUsers() {
        return users;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public Role[] getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(Role[] newRoles) {
        this.newRoles = newRoles;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getEditUsername() {
        return editUsername;
    }

    public String getEditDisplayName() {
        return editDisplayName;
    }

    public void setEditDisplayName(String editDisplayName) {
        this.editDisplayName = editDisplayName;
    }

    public Role[] getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(Role[] editRoles) {
        this.editRoles = editRoles;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getTemporaryPasswordFor() {
        return temporaryPasswordFor;
    }
}
