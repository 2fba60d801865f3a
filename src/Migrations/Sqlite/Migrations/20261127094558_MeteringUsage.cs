using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeteringUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "metering_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    record_count = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    batch_rejection_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    samples_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metering_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "metering_usage_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_identifier = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    hour = table.Column<long>(type: "INTEGER", nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    allocations_json = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metering_usage_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_metering_submissions_seller_id_received_at",
                table: "metering_submissions",
                columns: new[] { "seller_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_metering_usage_records_agreement_id_dimension_hour",
                table: "metering_usage_records",
                columns: new[] { "agreement_id", "dimension", "hour" });

            migrationBuilder.CreateIndex(
                name: "ix_metering_usage_records_customer_identifier_dimension_hour",
                table: "metering_usage_records",
                columns: new[] { "customer_identifier", "dimension", "hour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_metering_usage_records_seller_id_hour",
                table: "metering_usage_records",
                columns: new[] { "seller_id", "hour" });

            migrationBuilder.CreateIndex(
                name: "ix_metering_usage_records_seller_id_idempotency_key",
                table: "metering_usage_records",
                columns: new[] { "seller_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "metering_submissions");

            migrationBuilder.DropTable(
                name: "metering_usage_records");
        }
    }
}
