package org.trustfund.donor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.Country;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/** Records donors and finds them. Finance officers change; staff read; a donor user reads only their own. */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class DonorService {

    public static final String ENTITY = "Donor";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private CallerAccess access;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    public DonorService() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public DonorService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.access = new CallerAccess(em, caller);
    }

    /** Records a donor unless one of the same name and country exists ({@link DuplicateDonorException}). */
    public Donor create(DonorDetails details) {
        return create(details, false);
    }

    /**
     * @param duplicateConfirmed the caller was shown the donor of the same name and country and records
     *        another anyway
     * @throws DuplicateDonorException if one exists and the caller has not confirmed
     */
    public Donor create(DonorDetails details, boolean duplicateConfirmed) {
        details.validate();
        if (!duplicateConfirmed) {
            Optional<Donor> existing = sameNameAndCountry(details);
            if (existing.isPresent()) {
                throw new DuplicateDonorException(existing.get().getId(), existing.get().getName(),
                        existing.get().getCountry().getCode());
            }
        }
        Donor donor = new Donor(details, country(details.countryCode()), clock.instant(), caller.name());
        em.persist(donor);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, donor.getId(), Changes.of().value("name", donor.getName())
                .value("group", donor.getStakeholderGroup()).value("country", donor.getCountry().getCode())
                .value("publiclyNamed", donor.isPubliclyNamed())
                .value("correspondenceLanguage", donor.getCorrespondenceLanguage()).toString());
        return donor;
    }

    /** The first donor a DONOR user is linked to; refused when the account is linked to none. */
    @RolesAllowed(Roles.DONOR)
    public Donor own() {
        return own(null);
    }

    /** Every donor a DONOR user is linked to, by name (one, or several: a ministry and its agency). */
    @RolesAllowed(Roles.DONOR)
    public List<Donor> ownDonors() {
        java.util.Set<Long> ids = access.linkedDonors();
        if (ids.isEmpty()) {
            throw new org.trustfund.platform.AccessDeniedException();
        }
        return em.createQuery("SELECT d FROM Donor d WHERE d.id IN :ids ORDER BY d.name", Donor.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * One of the donors a DONOR user is linked to ({@code asked}; null: the first); another donor's id is refused as
     * if it did not exist.
     */
    @RolesAllowed(Roles.DONOR)
    public Donor own(Long asked) {
        long id = access.linkedDonor(asked);
        Donor donor = em.find(Donor.class, id);
        if (donor == null) {
            throw new UnknownRecordException("donor.unknown", id);
        }
        return donor;
    }

    /**
     * A donor user changes their own contact, the language the fund writes to them in, and whether the fund may name
     * them in public: nothing else (the name, group and country, and every financial figure, stay with the finance
     * officers). Audited like a staff change.
     */
    @RolesAllowed(Roles.DONOR)
    public Donor changeOwnContact(long expectedVersion, String contactName, String contactEmail, boolean publiclyNamed,
            String correspondenceLanguage) {
        return changeOwnContact(null, expectedVersion, contactName, contactEmail, publiclyNamed, correspondenceLanguage);
    }

    /** As {@link #changeOwnContact(long, String, String, boolean, String)} for one of the user's donors. */
    @RolesAllowed(Roles.DONOR)
    public Donor changeOwnContact(Long donorId, long expectedVersion, String contactName, String contactEmail,
            boolean publiclyNamed, String correspondenceLanguage) {
        Donor donor = own(donorId);
        DonorDetails current = donor.details();
        return update(donor.getId(), expectedVersion, new DonorDetails(current.name(), current.stakeholderGroup(),
                current.countryCode(), contactName, contactEmail, publiclyNamed, correspondenceLanguage));
    }

    public Donor update(long id, long expectedVersion, DonorDetails details) {
        Donor donor = em.find(Donor.class, id);
        if (donor == null) {
            throw new UnknownRecordException("donor.unknown", id);
        }
        ConcurrentChangeException.requireVersion(donor.getVersion(), expectedVersion);
        details.validate();
        DonorDetails before = donor.details();
        donor.change(details, country(details.countryCode()));
        DonorDetails after = donor.details();
        Changes changes = Changes.of().field("name", before.name(), after.name())
                .field("group", before.stakeholderGroup(), after.stakeholderGroup())
                .field("country", before.countryCode(), after.countryCode())
                .field("contactName", before.contactName(), after.contactName())
                .field("contactEmail", before.contactEmail(), after.contactEmail())
                .field("publiclyNamed", before.publiclyNamed(), after.publiclyNamed())
                .field("correspondenceLanguage", before.correspondenceLanguage(), after.correspondenceLanguage());
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, ENTITY, id, changes.toString());
        }
        return donor;
    }

    /**
     * A donor (not merged away) whose name has the same {@link DonorNames#key} in the same country: the donors of
     * one country are few (a few hundred at most), so they are compared here rather than by a stored key.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Optional<Donor> sameNameAndCountry(DonorDetails details) {
        if (details.name() == null || details.countryCode() == null) {
            return Optional.empty();
        }
        String key = DonorNames.key(details.name());
        return em.createQuery("SELECT d FROM Donor d WHERE d.country.code = :country AND d.mergedInto IS NULL"
                        + " ORDER BY d.id", Donor.class)
                .setParameter("country", details.countryCode().trim().toUpperCase(java.util.Locale.ROOT))
                .getResultStream().filter(d -> DonorNames.key(d.getName()).equals(key)).findFirst();
    }

    /**
     * Merges a donor recorded twice into the one kept, in one transaction: its pledges, contributions, approval
     * requests and donor users move to {@code keepId}; donors merged into it before now point to {@code keepId};
     * it stays, marked merged. Journals keep the donor they were posted for: the ledger is append-only, and what
     * reads it by donor follows the merge (see {@code V19__donor_merge.sql}). Audited on both donors, with the
     * ids of what moved.
     */
    @RolesAllowed(Roles.ADMIN)
    public DonorMerge merge(long keepId, long mergedId, String reason) {
        // Both rows locked, the lower id first, so that two merges of the same pair in opposite directions wait
        // for each other instead of both succeeding.
        Donor first = em.find(Donor.class, Math.min(keepId, mergedId), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Donor second = em.find(Donor.class, Math.max(keepId, mergedId), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Donor keep = keepId <= mergedId ? first : second;
        Donor merged = keepId <= mergedId ? second : first;
        if (keep == null) {
            throw new BusinessException("kept", "donor.unknown", keepId);
        }
        if (merged == null) {
            throw new BusinessException("merged", "donor.unknown", mergedId);
        }
        merged.mergeInto(keep, reason, clock.instant(), caller.name());
        List<Long> pledges = ids("SELECT id FROM pledge WHERE donor_id = ? ORDER BY id", mergedId);
        List<Long> contributions = ids("SELECT id FROM contribution WHERE donor_id = ? ORDER BY id", mergedId);
        List<Long> requests = ids("SELECT id FROM approval_request WHERE donor_id = ? ORDER BY id", mergedId);
        List<Long> earlier = ids("SELECT id FROM donor WHERE merged_into_id = ? ORDER BY id", mergedId);
        // Native: the donor of a pledge or request is not updatable through the entities, on purpose; only a
        // merge moves it. The version moves too, so a form opened before the merge cannot save over it.
        em.flush();
        move("UPDATE pledge SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        move("UPDATE contribution SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        move("UPDATE approval_request SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        move("UPDATE in_kind_contribution SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        move("UPDATE transfer_gift SET giver_donor_id = ?, version = version + 1 WHERE giver_donor_id = ?", keepId, mergedId);
        // A foundation recorded twice: its transfers follow; two intermediaries are not merged into one.
        if (!ids("SELECT id FROM intermediary WHERE donor_id = ?", mergedId).isEmpty()) {
            if (!ids("SELECT id FROM intermediary WHERE donor_id = ?", keepId).isEmpty()) {
                throw new BusinessException("merged", "donor.merge.bothIntermediaries");
            }
            move("UPDATE intermediary SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        }
        move("UPDATE intermediary_transfer SET donor_id = ?, version = version + 1 WHERE donor_id = ?", keepId, mergedId);
        move("UPDATE donor SET merged_into_id = ?, version = version + 1 WHERE merged_into_id = ?", keepId, mergedId);
        List<Long> users = new ArrayList<>();
        for (org.trustfund.security.UserAccount user : em.createQuery(
                "SELECT u FROM UserAccount u WHERE u.donorId = :donor OR :donor MEMBER OF u.donorIds ORDER BY u.id",
                org.trustfund.security.UserAccount.class)
                .setParameter("donor", mergedId).getResultList()) {
            // Through the entity: a new donor link ends the user's sessions, as any other change of it does.
            user.replaceDonor(mergedId, keepId);
            users.add(user.getId());
            audit.record(AuditAction.UPDATE, "UserAccount", user.getId(),
                    Changes.of().field("donor", mergedId, keepId).value("reason", "donor merge").toString());
        }
        String moved = Changes.of().value("pledges", pledges).value("contributions", contributions)
                .value("approvalRequests", requests).value("donorUsers", users).value("mergedDonors", earlier)
                .toString();
        audit.record(AuditAction.UPDATE, ENTITY, mergedId, Changes.of().field("mergedInto", null, keepId)
                .value("reason", merged.getMergeReason()).toString() + "; moved: " + moved);
        audit.record(AuditAction.UPDATE, ENTITY, keepId, Changes.of().value("absorbed", mergedId)
                .value("reason", merged.getMergeReason()).toString() + "; moved: " + moved);
        return new DonorMerge(keepId, mergedId, pledges, contributions, requests, users, earlier);
    }

    private List<Long> ids(String sql, long donorId) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, donorId).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    private void move(String sql, long keepId, long mergedId) {
        em.createNativeQuery(sql).setParameter(1, keepId).setParameter(2, mergedId).executeUpdate();
    }

    private Country country(String code) {
        Country country = code == null ? null : em.find(Country.class, code.trim().toUpperCase());
        if (country == null) {
            throw new BusinessException("country", "donor.country.unknown", code);
        }
        return country;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Optional<Donor> find(long id) {
        access.requireDonorAccess(id);
        return Optional.ofNullable(em.find(Donor.class, id));
    }

    /** The names of these donors, by id, in one query (staff only: it reads donors of every kind). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        em.createQuery("SELECT d.id, d.name FROM Donor d WHERE d.id IN :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Donor> search(DonorQuery query, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Donor> cq = cb.createQuery(Donor.class);
        Root<Donor> donor = cq.from(Donor.class);
        donor.fetch("country");
        cq.where(predicates(cb, donor, query));
        Path<?> sortBy = switch (query.sort() == null ? DonorQuery.Sort.NAME : query.sort()) {
            case NAME -> donor.get("name");
            case GROUP -> donor.get("stakeholderGroup");
            case COUNTRY -> donor.get("country").get("name");
            case CREATED -> donor.get("createdAt");
        };
        cq.orderBy(query.descending() ? cb.desc(sortBy) : cb.asc(sortBy),
                query.descending() ? cb.desc(donor.get("id")) : cb.asc(donor.get("id")));
        return em.createQuery(cq).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    /** The list as an xlsx written to {@code out}: what {@link #search} pages through, in its order, the filter on top. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long export(DonorQuery query, java.util.Locale locale, java.io.OutputStream out) throws java.io.IOException {
        return new DonorExport(em).write(query, locale, caller.name(), clock.instant(), out);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long count(DonorQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Donor> donor = cq.from(Donor.class);
        cq.select(cb.count(donor)).where(predicates(cb, donor, query));
        return em.createQuery(cq).getSingleResult();
    }

    /** The list's filter; the export (DonorExport) applies the very same. */
    static Predicate[] predicates(CriteriaBuilder cb, Root<Donor> donor, DonorQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.name() != null && !query.name().isBlank()) {
            String escaped = query.name().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(donor.get("name")), "%" + escaped + "%", '\\'));
        }
        if (query.group() != null) {
            where.add(cb.equal(donor.get("stakeholderGroup"), query.group()));
        }
        if (query.countryCode() != null && !query.countryCode().isBlank()) {
            where.add(cb.equal(donor.get("country").get("code"), query.countryCode()));
        }
        return where.toArray(Predicate[]::new);
    }

}
