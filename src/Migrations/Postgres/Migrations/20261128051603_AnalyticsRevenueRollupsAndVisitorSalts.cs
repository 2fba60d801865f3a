using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsRevenueRollupsAndVisitorSalts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_mrr_movements",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    stream = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    delta_minor = table.Column<long>(type: "bigint", nullable: false),
                    mrr_after_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_mrr_movements", x => new { x.month, x.seller_id, x.buyer_id, x.currency, x.stream });
                });

            migrationBuilder.CreateTable(
                name: "analytics_mrr_snapshots",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    buyer_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    committed_minor = table.Column<long>(type: "bigint", nullable: false),
                    payg_minor = table.Column<long>(type: "bigint", nullable: false),
                    contracted_arr_minor = table.Column<long>(type: "bigint", nullable: false),
                    measured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_mrr_snapshots", x => new { x.month, x.seller_id, x.product_id, x.buyer_id, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "analytics_visitor_salts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    salt = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_visitor_salts", x => x.day);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_mrr_movements_seller_id_month",
                table: "analytics_mrr_movements",
                columns: new[] { "seller_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_mrr_snapshots_seller_id_month",
                table: "analytics_mrr_snapshots",
                columns: new[] { "seller_id", "month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_mrr_movements");

            migrationBuilder.DropTable(
                name: "analytics_mrr_snapshots");

            migrationBuilder.DropTable(
                name: "analytics_visitor_salts");
        }
    }
}
