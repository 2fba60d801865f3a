using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsBankCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sepa_creditor_id",
                table: "accounts_operator_entities",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payments_bank_dd_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    collection_date = table.Column<DateOnly>(type: "date", nullable: false),
                    message_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number_of_transactions = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_dd_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_invoices",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    rf_reference = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    finalized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_invoices", x => x.invoice_id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_mandates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debtor_name = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    creditor_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    creditor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_collection_batched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_mandates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    message_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    account_iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_statements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_collections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandate_reference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sequence_type = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_collections", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_bank_collections_payments_bank_mandates_mandate_id",
                        column: x => x.mandate_id,
                        principalTable: "payments_bank_mandates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments_bank_statement_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_row_id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    entry_reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    booking_date = table.Column<DateOnly>(type: "date", nullable: true),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    reference = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    remittance = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    debtor_name = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    invoice_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_bank_statement_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_bank_statement_entries_payments_bank_statements_st",
                        column: x => x.statement_row_id,
                        principalTable: "payments_bank_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_collections_batch_id",
                table: "payments_bank_collections",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_collections_invoice_id",
                table: "payments_bank_collections",
                column: "invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_collections_mandate_id",
                table: "payments_bank_collections",
                column: "mandate_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_collections_status_due_date",
                table: "payments_bank_collections",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_dd_batches_created_at",
                table: "payments_bank_dd_batches",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_dd_batches_message_id",
                table: "payments_bank_dd_batches",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_invoices_buyer_id_entity_code_currency",
                table: "payments_bank_invoices",
                columns: new[] { "buyer_id", "entity_code", "currency" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_invoices_number",
                table: "payments_bank_invoices",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_invoices_rf_reference",
                table: "payments_bank_invoices",
                column: "rf_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_mandates_buyer_id_entity_code_status",
                table: "payments_bank_mandates",
                columns: new[] { "buyer_id", "entity_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_mandates_reference",
                table: "payments_bank_mandates",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_statement_entries_statement_id_entry_reference",
                table: "payments_bank_statement_entries",
                columns: new[] { "statement_id", "entry_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_statement_entries_statement_row_id",
                table: "payments_bank_statement_entries",
                column: "statement_row_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_statement_entries_status_created_at",
                table: "payments_bank_statement_entries",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_statements_statement_id",
                table: "payments_bank_statements",
                column: "statement_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_bank_collections");

            migrationBuilder.DropTable(
                name: "payments_bank_dd_batches");

            migrationBuilder.DropTable(
                name: "payments_bank_invoices");

            migrationBuilder.DropTable(
                name: "payments_bank_statement_entries");

            migrationBuilder.DropTable(
                name: "payments_bank_mandates");

            migrationBuilder.DropTable(
                name: "payments_bank_statements");

            migrationBuilder.DropColumn(
                name: "sepa_creditor_id",
                table: "accounts_operator_entities");
        }
    }
}
