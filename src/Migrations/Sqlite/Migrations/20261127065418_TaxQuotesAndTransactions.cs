using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaxQuotesAndTransactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tax_quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issuing_entity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    buyer_country = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    total_tax_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    rates_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    request_json = table.Column<string>(type: "TEXT", nullable: false),
                    result_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    committed_as = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    committed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reversed_by = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    reversed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_quotes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tax_transactions",
                columns: table => new
                {
                    quote_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    line_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    tax_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issuing_entity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    jurisdiction = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    tax_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    treatment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 8, nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    taxable_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    return_currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    taxable_return_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_return_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    fx_rate = table.Column<decimal>(type: "TEXT", nullable: false),
                    committed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_transactions", x => new { x.quote_id, x.kind, x.line_no });
                    table.ForeignKey(
                        name: "fk_tax_transactions_tax_quotes_quote_id",
                        column: x => x.quote_id,
                        principalTable: "tax_quotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tax_quotes_created_at",
                table: "tax_quotes",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_tax_transactions_tax_date_issuing_entity",
                table: "tax_transactions",
                columns: new[] { "tax_date", "issuing_entity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tax_transactions");

            migrationBuilder.DropTable(
                name: "tax_quotes");
        }
    }
}
