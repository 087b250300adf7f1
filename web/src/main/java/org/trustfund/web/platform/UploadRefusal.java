package org.trustfund.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Shows, on a page with an upload, why the last upload came back (see {@link UploadLimitFilter}). */
@Named
@RequestScoped
public class UploadRefusal {

    /**
     * For a page's f:viewAction: puts the bundle message {@code key} (argument: the limit in MB) at the field
     * {@code clientId}, or at the top of the page if {@code clientId} is empty.
     */
    public void show(String clientId, String key, String megabytes) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String reason = faces.getExternalContext().getRequestParameterMap().get(UploadLimitFilter.REFUSED_PARAMETER);
        if (!UploadLimitFilter.REFUSED_VALUE.equals(reason)) {
            return;
        }
        if (clientId == null || clientId.isBlank()) {
            Messages.error(key, megabytes);
        } else {
            Messages.errorAt(clientId, key, megabytes);
        }
    }
}
