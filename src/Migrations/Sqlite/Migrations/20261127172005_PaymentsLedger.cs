using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effective_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_ledger_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_ledger_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    entity_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effective_at = table.Column<long>(type: "INTEGER", nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    debit_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    credit_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    memo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_ledger_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_ledger_lines_payments_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "payments_ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_ledger_entries_entity_code_effective_at",
                table: "payments_ledger_entries",
                columns: new[] { "entity_code", "effective_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_ledger_entries_source_key",
                table: "payments_ledger_entries",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_ledger_lines_entity_code_currency_account_subject_effective_at",
                table: "payments_ledger_lines",
                columns: new[] { "entity_code", "currency", "account", "subject", "effective_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_ledger_lines_entry_id_line_number",
                table: "payments_ledger_lines",
                columns: new[] { "entry_id", "line_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_ledger_lines");

            migrationBuilder.DropTable(
                name: "payments_ledger_entries");
        }
    }
}
