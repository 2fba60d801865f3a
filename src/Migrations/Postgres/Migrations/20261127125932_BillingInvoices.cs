using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BillingInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    buyer_json = table.Column<string>(type: "text", nullable: false),
                    issuer_entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issuer_json = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    subtotal_minor = table.Column<long>(type: "bigint", nullable: false),
                    total_tax_minor = table.Column<long>(type: "bigint", nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    tax_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    total_tax_in_tax_currency_minor = table.Column<long>(type: "bigint", nullable: true),
                    tax_subtotals_json = table.Column<string>(type: "text", nullable: false),
                    conversion_json = table.Column<string>(type: "text", nullable: true),
                    payment_reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    corrects_invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    corrects_invoice_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    legends_json = table.Column<string>(type: "text", nullable: false),
                    tax_quote_id = table.Column<Guid>(type: "uuid", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    group_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finalized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    void_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_invoices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_number_series",
                columns: table => new
                {
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    next_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_number_series", x => new { x.entity_code, x.kind, x.year });
                });

            migrationBuilder.CreateTable(
                name: "billing_rated_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    usage_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_rated_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finalize = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agreements_rated = table.Column<int>(type: "integer", nullable: false),
                    periods_skipped = table.Column<int>(type: "integer", nullable: false),
                    invoices_drafted = table.Column<int>(type: "integer", nullable: false),
                    invoices_finalized = table.Column<int>(type: "integer", nullable: false),
                    late_usage_lines = table.Column<int>(type: "integer", nullable: false),
                    totals_json = table.Column<string>(type: "text", nullable: false),
                    errors_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_invoice_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dimension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_price = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    exact_amount = table.Column<decimal>(type: "numeric(38,12)", precision: 38, scale: 12, nullable: false),
                    plan_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    installment_number = table.Column<int>(type: "integer", nullable: true),
                    service_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    tax_jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tax_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(12,8)", precision: 12, scale: 8, nullable: false),
                    tax_treatment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tax_category = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    tax_minor = table.Column<long>(type: "bigint", nullable: false),
                    tax_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    steps_json = table.Column<string>(type: "text", nullable: false),
                    credits_line_number = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_invoice_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_billing_invoice_lines_billing_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "billing_invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_agreement_id_service_start",
                table: "billing_invoice_lines",
                columns: new[] { "agreement_id", "service_start" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_invoice_id_line_number",
                table: "billing_invoice_lines",
                columns: new[] { "invoice_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_seller_id",
                table: "billing_invoice_lines",
                column: "seller_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_buyer_id_status",
                table: "billing_invoices",
                columns: new[] { "buyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_corrects_invoice_id_idempotency_key",
                table: "billing_invoices",
                columns: new[] { "corrects_invoice_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_group_key",
                table: "billing_invoices",
                column: "group_key");

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_number",
                table: "billing_invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_status_created_at",
                table: "billing_invoices",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_rated_periods_agreement_id_period_start_revision",
                table: "billing_rated_periods",
                columns: new[] { "agreement_id", "period_start", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_runs_idempotency_key",
                table: "billing_runs",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_runs_started_at",
                table: "billing_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_invoice_lines");

            migrationBuilder.DropTable(
                name: "billing_number_series");

            migrationBuilder.DropTable(
                name: "billing_rated_periods");

            migrationBuilder.DropTable(
                name: "billing_runs");

            migrationBuilder.DropTable(
                name: "billing_invoices");
        }
    }
}
