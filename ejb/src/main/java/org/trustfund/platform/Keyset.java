package org.trustfund.platform;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.List;

/**
 * Keyset paging for long reads (exports): the next chunk starts strictly after the last row read, in the
 * order of the keys, so every row comes exactly once and a chunk deep in the table costs what the first does
 * (an OFFSET makes the database count through every row before it). The last key must be unique (the id).
 */
public final class Keyset {

    private Keyset() {
    }

    /** (k1, k2, …) after (v1, v2, …): k1 > v1 OR (k1 = v1 AND (k2 > v2 OR …)); "<" when descending. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Predicate after(CriteriaBuilder cb, List<? extends Expression<?>> keys, List<?> lastValues,
            boolean descending) {
        Predicate result = null;
        for (int i = keys.size() - 1; i >= 0; i--) {
            Expression key = keys.get(i);
            Comparable value = (Comparable) lastValues.get(i);
            Predicate beyond = descending ? cb.lessThan(key, value) : cb.greaterThan(key, value);
            result = result == null ? beyond : cb.or(beyond, cb.and(cb.equal(key, value), result));
        }
        return result;
    }
}
