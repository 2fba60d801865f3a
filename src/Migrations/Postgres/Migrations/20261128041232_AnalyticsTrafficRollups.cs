using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsTrafficRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_daily_language_conversion",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    locale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    translation_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    visitor_days = table.Column<int>(type: "integer", nullable: false),
                    confirmed_views = table.Column<int>(type: "integer", nullable: false),
                    trials = table.Column<int>(type: "integer", nullable: false),
                    subscriptions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_language_conversion", x => new { x.day, x.seller_id, x.product_id, x.locale, x.translation_kind });
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_traffic",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    medium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    campaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    referrer_host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    locale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    translation_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    views = table.Column<int>(type: "integer", nullable: false),
                    confirmed_views = table.Column<int>(type: "integer", nullable: false),
                    bot_views = table.Column<int>(type: "integer", nullable: false),
                    visitor_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_traffic", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_language_conversion_seller_id_day",
                table: "analytics_daily_language_conversion",
                columns: new[] { "seller_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_traffic_day_seller_id",
                table: "analytics_daily_traffic",
                columns: new[] { "day", "seller_id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_traffic_seller_id_day",
                table: "analytics_daily_traffic",
                columns: new[] { "seller_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_daily_language_conversion");

            migrationBuilder.DropTable(
                name: "analytics_daily_traffic");
        }
    }
}
