package org.trustfund.web.platform;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table's rows read a page at a time from a service, in the service's own order and with the page's filters
 * (the table neither sorts nor filters by itself): the counting and the paging as two functions, rows keyed by id.
 */
public final class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Reads rows {@code first} to {@code first + size - 1}. */
    @FunctionalInterface
    public interface Page<T> extends Serializable {
        List<T> read(int first, int size);
    }

    /** Counts every row the filters select. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    private final Count counter;
    private final Page<T> reader;
    private final Function<T, Object> key;

    public PagedRows(Count counter, Page<T> reader, SerializableKey<T> key) {
        this.counter = counter;
        this.reader = reader;
        this.key = key;
    }

    /** The id a row is known by. */
    @FunctionalInterface
    public interface SerializableKey<T> extends Function<T, Object>, Serializable {
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(counter.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return reader.read(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return null;
    }
}
