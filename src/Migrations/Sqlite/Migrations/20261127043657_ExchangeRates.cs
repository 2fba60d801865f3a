using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExchangeRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_exchange_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    @base = table.Column<string>(name: "base", type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    quote = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 20, scale: 10, nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_exchange_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_conversions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    from_currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    to_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    to_currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", nullable: false),
                    rate_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cross_rate_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    rounding = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_conversions", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_conversions_payments_exchange_rates_cross_rate_id",
                        column: x => x.cross_rate_id,
                        principalTable: "payments_exchange_rates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_conversions_payments_exchange_rates_rate_id",
                        column: x => x.rate_id,
                        principalTable: "payments_exchange_rates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_conversions_created_at",
                table: "payments_conversions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_conversions_cross_rate_id",
                table: "payments_conversions",
                column: "cross_rate_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_conversions_rate_id",
                table: "payments_conversions",
                column: "rate_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_exchange_rates_base_quote_as_of",
                table: "payments_exchange_rates",
                columns: new[] { "base", "quote", "as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_exchange_rates_source_base_quote_as_of",
                table: "payments_exchange_rates",
                columns: new[] { "source", "base", "quote", "as_of" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_conversions");

            migrationBuilder.DropTable(
                name: "payments_exchange_rates");
        }
    }
}
