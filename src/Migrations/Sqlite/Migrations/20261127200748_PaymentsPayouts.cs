using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsPayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_payouts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_entity_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    end_to_end_id = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    bank_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_last4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    as_of = table.Column<long>(type: "INTEGER", nullable: false),
                    period_key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    returned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    return_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payouts_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payouts_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payouts_schedules",
                columns: table => new
                {
                    seller_entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payouts_schedules", x => x.seller_entity_id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payouts_invoices",
                columns: table => new
                {
                    payout_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payouts_invoices", x => new { x.payout_id, x.invoice_id });
                    table.ForeignKey(
                        name: "fk_payments_payouts_invoices_payments_payouts_payout_id",
                        column: x => x.payout_id,
                        principalTable: "payments_payouts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_end_to_end_id",
                table: "payments_payouts",
                column: "end_to_end_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_entity_code_seller_id_currency_period_key",
                table: "payments_payouts",
                columns: new[] { "entity_code", "seller_id", "currency", "period_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_file_id",
                table: "payments_payouts",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_seller_id_requested_at",
                table: "payments_payouts",
                columns: new[] { "seller_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_status_entity_code_currency",
                table: "payments_payouts",
                columns: new[] { "status", "entity_code", "currency" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_files_message_id",
                table: "payments_payouts_files",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_payouts_invoices_invoice_id",
                table: "payments_payouts_invoices",
                column: "invoice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_payouts_files");

            migrationBuilder.DropTable(
                name: "payments_payouts_invoices");

            migrationBuilder.DropTable(
                name: "payments_payouts_schedules");

            migrationBuilder.DropTable(
                name: "payments_payouts");
        }
    }
}
