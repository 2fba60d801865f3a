using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsCollections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_collections_dunning_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agreements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_collections_dunning_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_collections_payment_methods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    token = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    brand = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    exp_month = table.Column<int>(type: "integer", nullable: false),
                    exp_year = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_collections_payment_methods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_collections_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_method_id = table.Column<Guid>(type: "uuid", nullable: true),
                    card_brand = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    card_last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decline_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refunded_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_collections_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_collections_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gateway_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_collections_refunds", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_dunning_steps_invoice_id_step",
                table: "payments_collections_dunning_steps",
                columns: new[] { "invoice_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_dunning_steps_taken_at",
                table: "payments_collections_dunning_steps",
                column: "taken_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_payment_methods_buyer_id_created_at",
                table: "payments_collections_payment_methods",
                columns: new[] { "buyer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_payments_buyer_id_idempotency_key",
                table: "payments_collections_payments",
                columns: new[] { "buyer_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_payments_created_at",
                table: "payments_collections_payments",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_payments_invoice_id_created_at",
                table: "payments_collections_payments",
                columns: new[] { "invoice_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_payments_live_invoice",
                table: "payments_collections_payments",
                column: "invoice_id",
                unique: true,
                filter: "status IN ('Pending', 'Succeeded')");

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_refunds_credit_note_id",
                table: "payments_collections_refunds",
                column: "credit_note_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_collections_refunds_payment_id",
                table: "payments_collections_refunds",
                column: "payment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_collections_dunning_steps");

            migrationBuilder.DropTable(
                name: "payments_collections_payment_methods");

            migrationBuilder.DropTable(
                name: "payments_collections_payments");

            migrationBuilder.DropTable(
                name: "payments_collections_refunds");
        }
    }
}
