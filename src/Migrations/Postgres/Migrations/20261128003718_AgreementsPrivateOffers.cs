using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgreementsPrivateOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "private_offer_id",
                table: "agreements_agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_agreement_id",
                table: "agreements_agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agreements_offer_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    draft_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_offer_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agreements_private_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seller_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_entity_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    product_slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    base_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    base_plan_version = table.Column<int>(type: "integer", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    buyer_email_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    contract_value_minor = table.Column<long>(type: "bigint", nullable: false),
                    terms_json = table.Column<string>(type: "text", nullable: false),
                    draft_json = table.Column<string>(type: "text", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    viewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaced_agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    history_json = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_private_offers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_private_offer_id",
                table: "agreements_agreements",
                column: "private_offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_offer_templates_seller_id_created_at",
                table: "agreements_offer_templates",
                columns: new[] { "seller_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_private_offers_agreement_id",
                table: "agreements_private_offers",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_private_offers_buyer_email_domain",
                table: "agreements_private_offers",
                column: "buyer_email_domain");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_private_offers_buyer_id_status",
                table: "agreements_private_offers",
                columns: new[] { "buyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_private_offers_seller_id_created_at",
                table: "agreements_private_offers",
                columns: new[] { "seller_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_private_offers_status_expires_on",
                table: "agreements_private_offers",
                columns: new[] { "status", "expires_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements_offer_templates");

            migrationBuilder.DropTable(
                name: "agreements_private_offers");

            migrationBuilder.DropIndex(
                name: "ix_agreements_agreements_private_offer_id",
                table: "agreements_agreements");

            migrationBuilder.DropColumn(
                name: "private_offer_id",
                table: "agreements_agreements");

            migrationBuilder.DropColumn(
                name: "replaces_agreement_id",
                table: "agreements_agreements");
        }
    }
}
