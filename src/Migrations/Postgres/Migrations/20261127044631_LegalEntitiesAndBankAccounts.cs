using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LegalEntitiesAndBankAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "tax_registration",
                table: "accounts_operator_entities",
                newName: "address_city");

            migrationBuilder.AddColumn<List<string>>(
                name: "accepted_currencies",
                table: "accounts_operator_entities",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "address_country_code",
                table: "accounts_operator_entities",
                type: "character(2)",
                fixedLength: true,
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "address_line1",
                table: "accounts_operator_entities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "address_line2",
                table: "accounts_operator_entities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_postal_code",
                table: "accounts_operator_entities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_region",
                table: "accounts_operator_entities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code",
                table: "accounts_operator_entities",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "invoice_next_number",
                table: "accounts_operator_entities",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "invoice_prefix",
                table: "accounts_operator_entities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "accounts_operator_entities",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "accounts_operator_collection_accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    protected_details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    operator_entity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_operator_collection_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_operator_collection_accounts_accounts_operator_ent",
                        column: x => x.operator_entity_id,
                        principalTable: "accounts_operator_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_operator_entity_tax_registrations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    subdivision_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    operator_entity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_operator_entity_tax_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_operator_entity_tax_registrations_accounts_operato",
                        column: x => x.operator_entity_id,
                        principalTable: "accounts_operator_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_routing_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    buyer_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    except_buyer_countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    seller_condition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seller_country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    entity_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_routing_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_seller_entities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address_region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    tax_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kyc_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kyc_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    kyc_reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    kyc_reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    kyc_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_seller_entities", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_seller_entities_accounts_organisations_seller_id",
                        column: x => x.seller_id,
                        principalTable: "accounts_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accounts_seller_bank_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    protected_details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    protected_micro_deposits = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    verification_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_seller_bank_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_seller_bank_accounts_accounts_seller_entities_sell",
                        column: x => x.seller_entity_id,
                        principalTable: "accounts_seller_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accounts_seller_tax_forms",
                columns: table => new
                {
                    seller_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_seller_tax_forms", x => x.seller_entity_id);
                    table.ForeignKey(
                        name: "fk_accounts_seller_tax_forms_accounts_seller_entities_seller_e",
                        column: x => x.seller_entity_id,
                        principalTable: "accounts_seller_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_payout_currencies",
                columns: table => new
                {
                    seller_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_payout_currencies", x => new { x.seller_entity_id, x.currency_code });
                    table.ForeignKey(
                        name: "fk_accounts_payout_currencies_accounts_seller_bank_accounts_ba",
                        column: x => x.bank_account_id,
                        principalTable: "accounts_seller_bank_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_accounts_payout_currencies_accounts_seller_entities_seller_",
                        column: x => x.seller_entity_id,
                        principalTable: "accounts_seller_entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Entities created before this migration: keep their old free-text tax registration as a registration in
            // their country (EF renamed that column to address_city), and give them a code, a series and an address
            // the operator completes on /operator/entities.
            migrationBuilder.Sql(
                """
                INSERT INTO accounts_operator_entity_tax_registrations (operator_entity_id, country_code, number)
                SELECT id, country_code, substr(address_city, 1, 50) FROM accounts_operator_entities;
                UPDATE accounts_operator_entities SET
                    code = country_code,
                    invoice_prefix = country_code || '-',
                    invoice_next_number = 1,
                    accepted_currencies = ARRAY[currency_code::text],
                    address_line1 = '(to be completed)',
                    address_city = '(to be completed)',
                    address_country_code = country_code;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_operator_entities_code",
                table: "accounts_operator_entities",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_operator_collection_accounts_operator_entity_id",
                table: "accounts_operator_collection_accounts",
                column: "operator_entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_operator_entity_tax_registrations_operator_entity_",
                table: "accounts_operator_entity_tax_registrations",
                column: "operator_entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_payout_currencies_bank_account_id",
                table: "accounts_payout_currencies",
                column: "bank_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_payout_currencies_seller_id",
                table: "accounts_payout_currencies",
                column: "seller_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_routing_rules_priority",
                table: "accounts_routing_rules",
                column: "priority");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_seller_bank_accounts_seller_entity_id_currency_cod",
                table: "accounts_seller_bank_accounts",
                columns: new[] { "seller_entity_id", "currency_code", "fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_seller_bank_accounts_seller_id",
                table: "accounts_seller_bank_accounts",
                column: "seller_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_seller_entities_kyc_state_created_at",
                table: "accounts_seller_entities",
                columns: new[] { "kyc_state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_seller_entities_seller_id_created_at",
                table: "accounts_seller_entities",
                columns: new[] { "seller_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_operator_collection_accounts");

            migrationBuilder.DropTable(
                name: "accounts_operator_entity_tax_registrations");

            migrationBuilder.DropTable(
                name: "accounts_payout_currencies");

            migrationBuilder.DropTable(
                name: "accounts_routing_rules");

            migrationBuilder.DropTable(
                name: "accounts_seller_tax_forms");

            migrationBuilder.DropTable(
                name: "accounts_seller_bank_accounts");

            migrationBuilder.DropTable(
                name: "accounts_seller_entities");

            migrationBuilder.DropIndex(
                name: "ix_accounts_operator_entities_code",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "accepted_currencies",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "address_country_code",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "address_line1",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "address_line2",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "address_postal_code",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "address_region",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "code",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "invoice_next_number",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "invoice_prefix",
                table: "accounts_operator_entities");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "accounts_operator_entities");

            migrationBuilder.RenameColumn(
                name: "address_city",
                table: "accounts_operator_entities",
                newName: "tax_registration");
        }
    }
}
