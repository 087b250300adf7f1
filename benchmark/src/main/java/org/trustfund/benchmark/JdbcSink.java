package org.trustfund.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes rows with batched prepared statements, one per table, on one connection without auto-commit. Rows
 * are collected in chunks of {@value #ROWS_PER_CHUNK}; a writer thread sends each chunk's batches in
 * {@link Table} order (parents before children, so the foreign keys, which stay on, always find their
 * parent) and commits, while the generator makes the next chunk. The URL should carry
 * {@code rewriteBatchedStatements=true}, so that a batch travels as multi-row INSERTs.
 */
final class JdbcSink implements Sink {

    static final int ROWS_PER_CHUNK = 20_000;
    private static final Map<Table, List<Object[]>> END = new EnumMap<>(Table.class);

    private final Connection connection;
    private final Map<Table, PreparedStatement> statements = new EnumMap<>(Table.class);
    private final BlockingQueue<Map<Table, List<Object[]>>> chunks = new ArrayBlockingQueue<>(2);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread writer;
    private Map<Table, List<Object[]>> current = new EnumMap<>(Table.class);
    private int currentRows;
    private volatile long databaseNanos;

    JdbcSink(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        writer = new Thread(this::write, "benchmark-writer");
        writer.start();
    }

    @Override
    public void row(Table table, Object... values) {
        if (values.length != table.columns.size()) {
            throw new IllegalArgumentException(table + " has " + table.columns.size() + " columns, got " + values.length);
        }
        current.computeIfAbsent(table, k -> new ArrayList<>()).add(values);
        if (++currentRows >= ROWS_PER_CHUNK) {
            handOver();
        }
    }

    private void handOver() {
        if (currentRows == 0) {
            return;
        }
        put(current);
        current = new EnumMap<>(Table.class);
        currentRows = 0;
    }

    private void put(Map<Table, List<Object[]>> chunk) {
        rethrow();
        try {
            while (!chunks.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", e);
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void write() {
        try {
            while (true) {
                Map<Table, List<Object[]>> chunk = chunks.take();
                if (chunk == END) {
                    return;
                }
                long begin = System.nanoTime();
                for (Table table : Table.values()) {
                    List<Object[]> rows = chunk.get(table);
                    if (rows == null) {
                        continue;
                    }
                    PreparedStatement statement = statements.get(table);
                    if (statement == null) {
                        statement = connection.prepareStatement(table.insertSql());
                        statements.put(table, statement);
                    }
                    for (Object[] values : rows) {
                        for (int i = 0; i < values.length; i++) {
                            bind(statement, i + 1, values[i]);
                        }
                        statement.addBatch();
                    }
                    try {
                        statement.executeBatch();
                    } catch (SQLException e) {
                        throw new IllegalStateException("Cannot insert into " + table.sqlName + ": " + e.getMessage(), e);
                    }
                }
                connection.commit();
                databaseNanos += System.nanoTime() - begin;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure.set(e instanceof RuntimeException r ? r : new IllegalStateException("Batch insert failed: " + e.getMessage(), e));
            chunks.clear();
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof String v) {
            s.setString(index, v);
        } else if (value instanceof Long v) {
            s.setLong(index, v);
        } else if (value instanceof Integer v) {
            s.setInt(index, v);
        } else if (value instanceof Boolean v) {
            s.setBoolean(index, v);
        } else if (value instanceof BigDecimal v) {
            s.setBigDecimal(index, v);
        } else if (value instanceof LocalDate v) {
            s.setObject(index, v);
        } else if (value instanceof LocalDateTime v) {
            s.setObject(index, v);
        } else {
            throw new IllegalArgumentException("No binding for " + value.getClass());
        }
    }

    /** Sends what is collected and waits until everything is committed. */
    @Override
    public void flush() {
        handOver();
        put(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", e);
        }
        rethrow();
    }

    /** Time the writer spent binding, sending and committing (it overlaps with generating). */
    double databaseSeconds() {
        return databaseNanos / 1e9;
    }

    @Override
    public void close() {
        if (writer.isAlive()) {
            writer.interrupt();
            try {
                writer.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                // closing after the work is done; nothing to undo
            }
        }
    }
}
