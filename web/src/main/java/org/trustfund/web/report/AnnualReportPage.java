package org.trustfund.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.report.AnnualReport;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.report.AnnualReportJobs.Job;
import org.trustfund.web.report.AnnualReportJobs.State;

/**
 * Backs the annual report page ({@code ?fund=&year=}): the user picks a fund and a year and generates; the workbook is
 * written in the background while a progress bar polls, and the download is offered once the file is complete. Each
 * step asks the report service first, so the user's roles and the year are checked when they ask.
 */
@Named
@ViewScoped
public class AnnualReportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How long a download asked for before the file is complete waits for it. */
    private static final Duration WAIT = Duration.ofMinutes(5);

    @EJB
    private AnnualReport reports;

    @EJB
    private ReferenceData reference;

    @Inject
    private AnnualReportJobs jobs;

    private List<Fund> funds = List.of();
    private Long fundId;
    private int year;
    private AnnualReportJobs.Key asked;

    @PostConstruct
    void load() {
        funds = reference.funds();
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String fund = params.get("fund");
        if (fund != null && fund.matches("\\d{1,18}")) {
            long id = Long.parseLong(fund);
            fundId = funds.stream().map(Fund::getId).filter(f -> f == id).findFirst().orElse(null);
        }
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        year = LocalDate.now(ZoneOffset.UTC).getYear();
        String y = params.get("year");
        if (y != null && y.matches("\\d{4}")) {
            year = Integer.parseInt(y);
        }
        if (fundId != null && jobs.find(fundId, year) != null) {
            asked = new AnnualReportJobs.Key(fundId, year);
        }
    }

    /** Starts the generation, or attaches to the one under way for the same fund and year. */
    public void generate() {
        if (fundId == null) {
            return;
        }
        try {
            String fileName = reports.fileName(fundId, year);
            Job job = jobs.start(fundId, year, fileName, locale());
            asked = job.key();
        } catch (RuntimeException e) {
            asked = null;
            Messages.showFailure(e, "report");
        }
    }

    private Job job() {
        return asked == null ? null : jobs.find(asked.fundId(), asked.year());
    }

    /** For the progress bar: 0 to 100. */
    public int getProgress() {
        Job job = job();
        return job == null ? 0 : job.isFinished() ? 100 : job.progress();
    }

    public boolean isRunning() {
        Job job = job();
        return job != null && !job.isFinished();
    }

    public boolean isReady() {
        Job job = job();
        return job != null && job.state() == State.DONE;
    }

    /** Called when the progress bar reaches 100: says whether the file is there or why not. */
    public void finished() {
        Job job = job();
        if (job == null) {
            return;
        }
        if (job.state() == State.DONE) {
            Messages.info("rep.ready", job.fileName());
        } else if (job.failure() != null) {
            Messages.showFailure(job.failure(), "report");
        } else if (job.state() == State.FAILED) {
            Messages.error("rep.failed");
        }
    }

    /**
     * The finished workbook. A download asked for before it is complete (a bookmark, a script) waits for it: never half
     * a file. The report service is asked again, so only a user allowed to read reports gets it.
     */
    public StreamedContent getFile() {
        if (fundId == null) {
            return null;
        }
        try {
            String fileName = reports.fileName(fundId, year);
            Job job = jobs.find(fundId, year);
            if (job == null || job.state() == State.FAILED) {
                job = jobs.start(fundId, year, fileName, locale());
            }
            asked = job.key();
            if (!jobs.await(job, WAIT) || job.state() != State.DONE || !Files.exists(job.file())) {
                Messages.error("rep.failed");
                return null;
            }
            long length = Files.size(job.file());
            java.nio.file.Path path = job.file();
            return DefaultStreamedContent.builder().name(job.fileName()).contentType(XLSX).contentLength(length)
                    .stream(() -> {
                        try {
                            return Files.newInputStream(path);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "report");
            return null;
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** The fund's years, from its start to the current one, newest first. */
    public List<Integer> getYears() {
        List<Integer> out = new ArrayList<>();
        Fund fund = funds.stream().filter(f -> f.getId().equals(fundId)).findFirst().orElse(null);
        if (fund == null) {
            return out;
        }
        for (int y = LocalDate.now(ZoneOffset.UTC).getYear(); y >= fund.getStartDate().getYear(); y--) {
            out.add(y);
        }
        return out;
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }
}
