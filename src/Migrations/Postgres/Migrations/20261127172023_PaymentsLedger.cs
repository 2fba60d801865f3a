using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_ledger_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_ledger_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    debit_minor = table.Column<long>(type: "bigint", nullable: false),
                    credit_minor = table.Column<long>(type: "bigint", nullable: false),
                    memo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                name: "ix_payments_ledger_lines_entity_code_currency_account_subject_",
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
