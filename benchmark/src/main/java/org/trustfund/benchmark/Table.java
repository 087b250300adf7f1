package org.trustfund.benchmark;

import java.util.List;

/**
 * The tables the generator fills, in the order their foreign keys need (a parent before its children), with
 * the columns it writes. Columns left out take their defaults ({@code version} = 0).
 */
enum Table {
    FUND("fund", "id", "code", "name", "base_currency", "start_date", "psc_rate", "created_at", "created_by"),
    CURRENCY("currency", "code", "name", "minor_units"),
    EXCHANGE_RATE("exchange_rate", "id", "currency", "effective_date", "units_per_usd", "created_at", "created_by"),
    DONOR("donor", "id", "name", "stakeholder_group", "country_code", "contact_name", "contact_email",
            "publicly_named", "created_at", "created_by"),
    PLEDGE("pledge", "id", "donor_id", "fund_id", "amount", "currency", "purpose", "first_year", "last_year",
            "pledged_on", "status", "agreement_date", "agreement_reference", "agreement_rate_id", "written_off_on",
            "write_off_reason", "revision", "created_at", "created_by"),
    INSTALMENT("instalment", "id", "pledge_id", "seq", "due_date", "amount", "currency"),
    CONTRIBUTION("contribution", "id", "donor_id", "fund_id", "received_date", "amount", "currency", "bank_reference",
            "rate_id", "units_per_usd", "usd_amount", "status", "recorded_at", "recorded_by", "certified_at",
            "certified_by", "returned_reason", "reversed_at", "reversed_by", "reversal_reason", "replaces_id",
            "unapplied_held"),
    CONTRIBUTION_APPLICATION("contribution_application", "id", "contribution_id", "instalment_id", "amount"),
    IN_KIND_CONTRIBUTION("in_kind_contribution", "id", "donor_id", "fund_id", "start_date", "end_date", "event_name",
            "description", "category", "nature", "recognized", "amount", "currency", "rate_id", "units_per_usd",
            "usd_amount", "valuation_basis", "supporting_reference", "status", "recorded_at", "recorded_by",
            "certified_at", "certified_by", "reversed_at", "reversed_by", "reversal_reason"),
    INTERMEDIARY("intermediary", "id", "donor_id", "fee_terms", "created_at", "created_by"),
    INTERMEDIARY_TRANSFER("intermediary_transfer", "id", "intermediary_id", "donor_id", "fund_id", "statement_reference",
            "received_date", "currency", "gross", "fees", "net", "bank_reference", "rate_id", "units_per_usd",
            "usd_gross", "usd_fees", "usd_net", "status", "recorded_at", "recorded_by", "certified_at", "certified_by"),
    TRANSFER_GIFT("transfer_gift", "id", "transfer_id", "seq", "giver_name", "giver_kind", "anonymous",
            "publicly_named", "amount", "usd_amount", "given_date"),
    TRAVEL_EVENT("travel_event", "id", "name", "event_type", "city", "country_code", "start_date", "end_date",
            "created_at", "created_by"),
    DSA_RATE("dsa_rate", "id", "country_code", "city", "effective_month", "rate_usd", "recorded_at", "recorded_by"),
    TRAVELLER("traveller", "id", "name", "gender", "nationality", "residence", "stakeholder_group", "mag_member", "email",
            "created_at", "created_by"),
    TRAVEL_REQUEST("travel_request", "id", "traveller_id", "programme_id", "event_id", "fund_id", "itinerary", "asks",
            "requested_on", "departure_date", "return_date", "currency", "ticket_amount", "other_amount",
            "other_description", "dsa_city", "dsa_rate_id", "dsa_rate_usd", "dsa_rate_reason", "dsa_days",
            "dsa_days_reason", "terminal_usd", "rate_id", "units_per_usd", "stale_rate_reason", "costed_usd",
            "residence_status", "eligibility_reason", "status", "requested_at", "requested_by", "approved_at",
            "approved_by", "override_reason", "obligation_date", "obligated_usd", "obligated_by", "payment_date",
            "payment_reference", "paid_units_per_usd", "paid_usd", "paid_by", "report_received_on", "report_recorded_by",
            "closed_at", "closed_by", "closed_reason"),
    OTHER_EXPENDITURE("other_expenditure", "id", "fund_id", "category", "expense_date", "amount", "currency", "rate_id",
            "stale_rate_reason", "units_per_usd", "usd_amount", "reference", "description", "status", "recorded_at",
            "recorded_by", "certified_at", "certified_by", "returned_reason", "reversed_at", "reversed_by",
            "reversal_reason"),
    PSC_CHARGE("psc_charge", "id", "fund_id", "year", "charge_date", "base_usd", "rate", "due_usd", "amount_usd",
            "reverses_id", "reason", "posted_at", "posted_by"),
    JOURNAL("journal", "id", "fund_id", "donor_id", "event_type", "event_date", "posted_at", "posted_by",
            "source_type", "source_id", "description", "reverses_journal_id"),
    JOURNAL_LINE("journal_line", "id", "journal_id", "account", "debit", "credit", "currency", "currency_amount",
            "pledge_id");

    final String sqlName;
    final List<String> columns;

    Table(String sqlName, String... columns) {
        this.sqlName = sqlName;
        this.columns = List.of(columns);
    }

    String insertSql() {
        return "INSERT INTO " + sqlName + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }
}
