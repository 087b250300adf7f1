package org.trustfund.web.dashboard;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditLog;

/** Backs the dashboard: the user's recent activity; the role panels are in the view. */
@Named
@RequestScoped
public class DashboardPage {

    private static final int RECENT = 10;

    @EJB
    private AuditLog auditLog;

    private List<AuditEntry> recentActivity;

    public List<AuditEntry> getRecentActivity() {
        if (recentActivity == null) {
            recentActivity = auditLog.myRecentActivity(RECENT);
        }
        return recentActivity;
    }
}
