using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsPqlScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_pql_runs",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    scored = table.Column<int>(type: "integer", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_pql_runs", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "analytics_pql_scores",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    is_pql = table.Column<bool>(type: "boolean", nullable: false),
                    rules_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    run_rate_minor_per_month = table.Column<long>(type: "bigint", nullable: true),
                    commitment_minor_per_month = table.Column<long>(type: "bigint", nullable: true),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_pql_scores", x => new { x.day, x.seller_id, x.product_id, x.buyer_id });
                });

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
                name: "analytics_pql_runs");

            migrationBuilder.DropTable(
                name: "analytics_pql_scores");
        }
    }
}
