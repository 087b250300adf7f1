package org.trustfund.web.report;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trustfund.platform.BusinessException;
import org.trustfund.report.AnnualReport;

/**
 * Generates annual reports in the background, on the container's managed executor: one job per fund and year (a second
 * request while one runs attaches to it, a double click included), at most {@link #AT_ONCE} generating at once in the
 * whole server so that other users are not slowed, and finished files kept in a temporary directory for
 * {@link #KEPT} only. The caller's roles are checked when they ask (the page calls the report service first); the job
 * calls the same service on the worker thread, where the executor carries the caller's security context.
 */
@ApplicationScoped
public class AnnualReportJobs {

    private static final Logger LOG = Logger.getLogger(AnnualReportJobs.class.getName());
    static final int AT_ONCE = 2;
    static final Duration KEPT = Duration.ofMinutes(30);

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private AnnualReport reports;

    private final Map<Key, Job> jobs = new ConcurrentHashMap<>();
    private final Semaphore generating = new Semaphore(AT_ONCE, true);
    private final Clock clock = Clock.systemUTC();
    private Path directory;

    /** A report's fund and year: the unit of "one generation at a time". */
    public record Key(long fundId, int year) implements Serializable {
    }

    /** What a job is doing. */
    public enum State { WAITING, RUNNING, DONE, FAILED }

    /** One generation; its fields are read by the page's polls while the worker writes them. */
    public static final class Job {
        private final Key key;
        private final String fileName;
        private final Path file;
        private volatile State state = State.WAITING;
        private volatile int progress;
        private volatile Instant finishedAt;
        private volatile BusinessException failure;

        private Job(Key key, String fileName, Path file) {
            this.key = key;
            this.fileName = fileName;
            this.file = file;
        }

        public Key key() {
            return key;
        }

        public State state() {
            return state;
        }

        public int progress() {
            return progress;
        }

        public String fileName() {
            return fileName;
        }

        public Path file() {
            return file;
        }

        /** The business rule that stopped it, or null (an unexpected failure is logged, not shown). */
        public BusinessException failure() {
            return failure;
        }

        public boolean isFinished() {
            return state == State.DONE || state == State.FAILED;
        }
    }

    /**
     * The job for the fund and year: the one under way (a second request, a double click, attaches to it), else a new
     * one started now, so a report asked for again after new entries shows them. The caller must have been checked by
     * {@link AnnualReport#fileName} first (its roles and the year).
     */
    public Job start(long fundId, int year, String fileName, Locale locale) {
        forgetOld();
        Key key = new Key(fundId, year);
        return jobs.compute(key, (k, existing) -> {
            if (existing != null && !existing.isFinished()) {
                return existing;
            }
            if (existing != null) {
                delete(existing.file);
            }
            Job job = new Job(k, fileName, newFile());
            executor.submit(() -> run(job, locale));
            return job;
        });
    }

    /** The job for the fund and year, if one runs or finished recently. */
    public Job find(long fundId, int year) {
        forgetOld();
        return jobs.get(new Key(fundId, year));
    }

    /** Waits until the job is finished, at most {@code timeout}. */
    public boolean await(Job job, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!job.isFinished() && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return job.isFinished();
    }

    private void run(Job job, Locale locale) {
        try {
            generating.acquire();
            try {
                job.state = State.RUNNING;
                try (OutputStream out = Files.newOutputStream(job.file)) {
                    reports.write(job.key.fundId(), job.key.year(), locale, out, p -> job.progress = Math.min(p, 99));
                }
                job.progress = 100;
                job.state = State.DONE;
            } finally {
                generating.release();
            }
        } catch (BusinessException e) {
            job.failure = e;
            job.state = State.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.state = State.FAILED;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Annual report of fund " + job.key.fundId() + " for " + job.key.year() + " failed", e);
            job.state = State.FAILED;
        } finally {
            job.finishedAt = clock.instant();
            if (job.state == State.FAILED) {
                delete(job.file);
            }
        }
    }

    /** Finished jobs older than {@link #KEPT} are dropped with their files. */
    private void forgetOld() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> {
            Instant finished = job.finishedAt;
            boolean old = finished != null && finished.isBefore(limit);
            if (old) {
                delete(job.file);
            }
            return old;
        });
    }

    private synchronized Path newFile() {
        try {
            if (directory == null || !Files.isDirectory(directory)) {
                directory = Files.createTempDirectory("trustfund-reports");
            }
            return Files.createTempFile(directory, "annual-report", ".xlsx");
        } catch (IOException e) {
            throw new IllegalStateException("No temporary file for a report", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }

    @PreDestroy
    void deleteFiles() {
        jobs.values().forEach(job -> delete(job.file));
        jobs.clear();
    }
}
