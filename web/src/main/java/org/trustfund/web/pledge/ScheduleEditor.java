package org.trustfund.web.pledge;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.ScheduleLine;

/** The editable rows of an instalment schedule, as typed; turned into schedule lines on save. */
public class ScheduleEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One typed row. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate dueDate;
        private BigDecimal amount;

        public Row() {
        }

        public Row(LocalDate dueDate, BigDecimal amount) {
            this.dueDate = dueDate;
            this.amount = amount;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    /** How often instalments fall due when "split evenly" proposes the dates; each falls on its period's last day. */
    public enum Frequency {
        YEARLY(12), HALF_YEARLY(6), QUARTERLY(3);

        private final int months;

        Frequency(int months) {
            this.months = months;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public List<Row> getRows() {
        return rows;
    }

    public void add() {
        LocalDate next = rows.isEmpty() || rows.get(rows.size() - 1).getDueDate() == null ? null
                : rows.get(rows.size() - 1).getDueDate().plusYears(1);
        rows.add(new Row(next, null));
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    /** Splits the total over the rows, to the cent, the first rows taking any leftover cent. */
    public void splitEvenly(BigDecimal total, String currency) {
        if (total == null || currency == null || rows.isEmpty() || total.signum() <= 0) {
            return;
        }
        List<Money> parts = Money.rounded(total, Money.currency(currency), java.math.RoundingMode.HALF_UP).allocate(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setAmount(parts.get(i).amount());
        }
    }

    /**
     * Replaces the rows with one per period of the pledge's years, due on the period's last day; periods that end
     * before {@code notBefore} (the pledge date) are left out unless that would leave none. Nothing changes if the
     * years are missing or run backwards (the save then says why).
     */
    public void proposeDates(Frequency frequency, Integer firstYear, Integer lastYear, LocalDate notBefore) {
        if (frequency == null || firstYear == null || lastYear == null || lastYear < firstYear
                || lastYear - firstYear > MAX_YEARS) {
            return;
        }
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate start = LocalDate.of(firstYear, 1, 1); start.getYear() <= lastYear;
                start = start.plusMonths(frequency.months)) {
            all.add(start.plusMonths(frequency.months).minusDays(1));
        }
        List<LocalDate> ahead = notBefore == null ? all : all.stream().filter(d -> !d.isBefore(notBefore)).toList();
        rows.clear();
        (ahead.isEmpty() ? all : ahead).forEach(d -> rows.add(new Row(d, null)));
    }

    /** Beyond this a pledge's years are a typing mistake, not a schedule to propose. */
    private static final int MAX_YEARS = 30;

    public BigDecimal total() {
        return rows.stream().map(Row::getAmount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * @throws BusinessException at the schedule if an amount has more decimals than the currency allows
     */
    public List<ScheduleLine> toLines(String currency) {
        List<ScheduleLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Money amount = null;
            if (row.getAmount() != null) {
                try {
                    amount = Money.of(row.getAmount(), currency);
                } catch (IllegalArgumentException e) {
                    throw new BusinessException("schedule", "pledge.schedule.decimals", i + 1, currency);
                }
            }
            lines.add(new ScheduleLine(row.getDueDate(), amount));
        }
        return lines;
    }
}
