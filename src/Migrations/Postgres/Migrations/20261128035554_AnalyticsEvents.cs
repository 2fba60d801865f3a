using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_attributions",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    view_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_attributions", x => x.agreement_id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_visitors",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visitor_days = table.Column<int>(type: "integer", nullable: false),
                    views = table.Column<int>(type: "integer", nullable: false),
                    confirmed_views = table.Column<int>(type: "integer", nullable: false),
                    bot_views = table.Column<int>(type: "integer", nullable: false),
                    cta_clicks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_visitors", x => new { x.day, x.seller_id, x.product_id });
                });

            migrationBuilder.CreateTable(
                name: "analytics_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    schema_version = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    visitor_day_hash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    medium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    campaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    content = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    referrer_host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    locale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    translation_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    amount_minor = table.Column<long>(type: "bigint", nullable: true),
                    dimension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    is_bot = table.Column<bool>(type: "boolean", nullable: false),
                    bot_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    attribution_view_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_attributions_view_id",
                table: "analytics_attributions",
                column: "view_id");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_visitors_seller_id_day",
                table: "analytics_daily_visitors",
                columns: new[] { "seller_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_events_attribution_view_id",
                table: "analytics_events",
                column: "attribution_view_id");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_events_buyer_id_product_id_name",
                table: "analytics_events",
                columns: new[] { "buyer_id", "product_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_events_dedupe_key",
                table: "analytics_events",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_analytics_events_name_occurred_at",
                table: "analytics_events",
                columns: new[] { "name", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_events_seller_id_name_occurred_at",
                table: "analytics_events",
                columns: new[] { "seller_id", "name", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_attributions");

            migrationBuilder.DropTable(
                name: "analytics_daily_visitors");

            migrationBuilder.DropTable(
                name: "analytics_events");
        }
    }
}
