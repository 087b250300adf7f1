package org.trustfund.benchmark;

/** Where generated rows go: the database (batched JDBC), or a digest and counters in the unit tests. */
interface Sink extends AutoCloseable {

    /**
     * One row of {@code table}, values in the order of {@link Table#columns}: String, Long, Integer, Boolean,
     * BigDecimal, LocalDate, LocalDateTime (UTC) or null.
     */
    void row(Table table, Object... values);

    /** Writes whatever is buffered and waits until it is stored; the generator calls it once, at the end. */
    void flush();

    @Override
    void close();
}
