using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementsAndBuyerProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_buyer_profiles",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    address_line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address_line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    address_city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address_postal_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    address_region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    address_country_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    tax_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    tax_id_display = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    invoice_currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_buyer_profiles", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_accounts_buyer_profiles_accounts_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "accounts_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreements_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_identifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    buyer_country = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_version = table.Column<int>(type: "INTEGER", nullable: false),
                    terms_json = table.Column<string>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    licence_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    licence_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    licence_language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status_before_suspension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    trial_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    billing_anchor = table.Column<long>(type: "INTEGER", nullable: true),
                    period_start = table.Column<long>(type: "INTEGER", nullable: true),
                    period_end = table.Column<long>(type: "INTEGER", nullable: true),
                    contract_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancel_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    suspension_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reminder7sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reminder1sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    next_reminder_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_usage_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agreements_customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    had_trial = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    subscriptions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agreements_entitlements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_identifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    unlimited = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_trial_quota = table.Column<bool>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_to = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_entitlements", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_entitlements_agreements_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreements_registration_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_registration_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_registration_tokens_agreements_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreements_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    buyer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_tickets_agreements_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreements_ticket_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    author_role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements_ticket_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_ticket_messages_agreements_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "agreements_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_buyer_id_product_id_status",
                table: "agreements_agreements",
                columns: new[] { "buyer_id", "product_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_customer_identifier",
                table: "agreements_agreements",
                column: "customer_identifier");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_seller_id_status",
                table: "agreements_agreements",
                columns: new[] { "seller_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_status_period_end",
                table: "agreements_agreements",
                columns: new[] { "status", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_agreements_status_trial_ends_at",
                table: "agreements_agreements",
                columns: new[] { "status", "trial_ends_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_customers_buyer_id_product_id",
                table: "agreements_customers",
                columns: new[] { "buyer_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_customers_identifier",
                table: "agreements_customers",
                column: "identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_entitlements_agreement_id",
                table: "agreements_entitlements",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_entitlements_buyer_id",
                table: "agreements_entitlements",
                column: "buyer_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_entitlements_product_id_customer_identifier_dimension",
                table: "agreements_entitlements",
                columns: new[] { "product_id", "customer_identifier", "dimension" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_entitlements_seller_id_product_id",
                table: "agreements_entitlements",
                columns: new[] { "seller_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_registration_tokens_agreement_id",
                table: "agreements_registration_tokens",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_registration_tokens_hash",
                table: "agreements_registration_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_ticket_messages_ticket_id_number",
                table: "agreements_ticket_messages",
                columns: new[] { "ticket_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tickets_agreement_id",
                table: "agreements_tickets",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tickets_buyer_id_status",
                table: "agreements_tickets",
                columns: new[] { "buyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tickets_seller_id_status",
                table: "agreements_tickets",
                columns: new[] { "seller_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_buyer_profiles");

            migrationBuilder.DropTable(
                name: "agreements_customers");

            migrationBuilder.DropTable(
                name: "agreements_entitlements");

            migrationBuilder.DropTable(
                name: "agreements_registration_tokens");

            migrationBuilder.DropTable(
                name: "agreements_ticket_messages");

            migrationBuilder.DropTable(
                name: "agreements_tickets");

            migrationBuilder.DropTable(
                name: "agreements_agreements");
        }
    }
}
