using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_attributions",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    view_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_attributions", x => x.agreement_id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_language_conversion",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    locale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    translation_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    visitor_days = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_views = table.Column<int>(type: "INTEGER", nullable: false),
                    trials = table.Column<int>(type: "INTEGER", nullable: false),
                    subscriptions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_language_conversion", x => new { x.day, x.seller_id, x.product_id, x.locale, x.translation_kind });
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_lifecycle",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    offer_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_lifecycle", x => new { x.day, x.seller_id, x.product_id, x.name, x.country, x.offer_type, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_traffic",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    medium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    campaign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    referrer_host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    locale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    translation_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    views = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_views = table.Column<int>(type: "INTEGER", nullable: false),
                    bot_views = table.Column<int>(type: "INTEGER", nullable: false),
                    visitor_days = table.Column<int>(type: "INTEGER", nullable: false),
                    trials = table.Column<int>(type: "INTEGER", nullable: false),
                    subscriptions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_traffic", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_usage",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    active_buyers = table.Column<int>(type: "INTEGER", nullable: false),
                    quota_buyers = table.Column<int>(type: "INTEGER", nullable: false),
                    buyers_over80percent = table.Column<int>(type: "INTEGER", nullable: false),
                    buyers_over100percent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_usage", x => new { x.day, x.seller_id, x.product_id, x.dimension });
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_visitors",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    visitor_days = table.Column<int>(type: "INTEGER", nullable: false),
                    views = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_views = table.Column<int>(type: "INTEGER", nullable: false),
                    bot_views = table.Column<int>(type: "INTEGER", nullable: false),
                    cta_clicks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_visitors", x => new { x.day, x.seller_id, x.product_id });
                });

            migrationBuilder.CreateTable(
                name: "analytics_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    offer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    offer_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    visitor_day_hash = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    medium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    campaign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    referrer_host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    locale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    translation_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    amount_minor = table.Column<long>(type: "INTEGER", nullable: true),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    is_bot = table.Column<bool>(type: "INTEGER", nullable: false),
                    bot_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    attribution_view_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_mrr_movements",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    stream = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    delta_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    mrr_after_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_mrr_movements", x => new { x.month, x.seller_id, x.buyer_id, x.currency, x.stream });
                });

            migrationBuilder.CreateTable(
                name: "analytics_mrr_snapshots",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    buyer_country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    committed_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    payg_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    contracted_arr_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    measured_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_mrr_snapshots", x => new { x.month, x.seller_id, x.product_id, x.buyer_id, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "analytics_pql_runs",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    scored = table.Column<int>(type: "INTEGER", nullable: false),
                    evaluated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_pql_runs", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "analytics_pql_scores",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    buyer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    is_pql = table.Column<bool>(type: "INTEGER", nullable: false),
                    rules_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    run_rate_minor_per_month = table.Column<long>(type: "INTEGER", nullable: true),
                    commitment_minor_per_month = table.Column<long>(type: "INTEGER", nullable: true),
                    evaluated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_pql_scores", x => new { x.day, x.seller_id, x.product_id, x.buyer_id });
                });

            migrationBuilder.CreateTable(
                name: "analytics_visitor_salts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    salt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_visitor_salts", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_attributions_view_id",
                table: "analytics_attributions",
                column: "view_id");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_language_conversion_seller_id_day",
                table: "analytics_daily_language_conversion",
                columns: new[] { "seller_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_lifecycle_name_day",
                table: "analytics_daily_lifecycle",
                columns: new[] { "name", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_lifecycle_seller_id_name_day",
                table: "analytics_daily_lifecycle",
                columns: new[] { "seller_id", "name", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_traffic_day_seller_id",
                table: "analytics_daily_traffic",
                columns: new[] { "day", "seller_id" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_traffic_seller_id_day",
                table: "analytics_daily_traffic",
                columns: new[] { "seller_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_usage_seller_id_day",
                table: "analytics_daily_usage",
                columns: new[] { "seller_id", "day" });

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

            migrationBuilder.CreateIndex(
                name: "ix_analytics_mrr_movements_seller_id_month",
                table: "analytics_mrr_movements",
                columns: new[] { "seller_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_mrr_snapshots_seller_id_month",
                table: "analytics_mrr_snapshots",
                columns: new[] { "seller_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_pql_scores_buyer_id_product_id_day",
                table: "analytics_pql_scores",
                columns: new[] { "buyer_id", "product_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_pql_scores_seller_id_day_score",
                table: "analytics_pql_scores",
                columns: new[] { "seller_id", "day", "score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_attributions");

            migrationBuilder.DropTable(
                name: "analytics_daily_language_conversion");

            migrationBuilder.DropTable(
                name: "analytics_daily_lifecycle");

            migrationBuilder.DropTable(
                name: "analytics_daily_traffic");

            migrationBuilder.DropTable(
                name: "analytics_daily_usage");

            migrationBuilder.DropTable(
                name: "analytics_daily_visitors");

            migrationBuilder.DropTable(
                name: "analytics_events");

            migrationBuilder.DropTable(
                name: "analytics_mrr_movements");

            migrationBuilder.DropTable(
                name: "analytics_mrr_snapshots");

            migrationBuilder.DropTable(
                name: "analytics_pql_runs");

            migrationBuilder.DropTable(
                name: "analytics_pql_scores");

            migrationBuilder.DropTable(
                name: "analytics_visitor_salts");
        }
    }
}
