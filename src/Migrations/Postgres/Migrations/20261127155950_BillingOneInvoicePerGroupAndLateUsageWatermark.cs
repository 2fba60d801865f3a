using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BillingOneInvoicePerGroupAndLateUsageWatermark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_invoices_group_key",
                table: "billing_invoices");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "late_usage_checked_to",
                table: "billing_runs",
                type: "timestamp with time zone",
                nullable: true);

            // Runs before this one could draft a second invoice for a group: the later ones keep their lines under a key
            // of their own, so the key becomes unique among invoices.
            migrationBuilder.Sql(
                "UPDATE billing_invoices SET group_key = group_key || '|' || id WHERE kind = 'Invoice' AND EXISTS " +
                "(SELECT 1 FROM billing_invoices AS o WHERE o.kind = 'Invoice' AND o.group_key = billing_invoices.group_key AND o.id < billing_invoices.id)");

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_group_key",
                table: "billing_invoices",
                column: "group_key",
                unique: true,
                filter: "kind = 'Invoice'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_billing_invoices_group_key",
                table: "billing_invoices");

            migrationBuilder.DropColumn(
                name: "late_usage_checked_to",
                table: "billing_runs");

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_group_key",
                table: "billing_invoices",
                column: "group_key");
        }
    }
}
