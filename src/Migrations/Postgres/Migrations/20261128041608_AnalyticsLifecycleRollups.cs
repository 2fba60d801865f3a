using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsLifecycleRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_daily_lifecycle",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    offer_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_lifecycle", x => new { x.day, x.seller_id, x.product_id, x.name, x.country, x.offer_type, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_usage",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    active_buyers = table.Column<int>(type: "integer", nullable: false),
                    quota_buyers = table.Column<int>(type: "integer", nullable: false),
                    buyers_over80percent = table.Column<int>(type: "integer", nullable: false),
                    buyers_over100percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_usage", x => new { x.day, x.seller_id, x.product_id, x.dimension });
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_lifecycle_name_day",
                table: "analytics_daily_lifecycle",
                columns: new[] { "name", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_lifecycle_seller_id_name_day",
                table: "analytics_daily_lifecycle",
                columns: new[] { "seller_id", "name", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_usage_seller_id_day",
                table: "analytics_daily_usage",
                columns: new[] { "seller_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_daily_lifecycle");

            migrationBuilder.DropTable(
                name: "analytics_daily_usage");
        }
    }
}
