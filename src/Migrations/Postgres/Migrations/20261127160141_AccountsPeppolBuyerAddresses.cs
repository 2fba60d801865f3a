using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccountsPeppolBuyerAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_peppol_buyer_addresses",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    location_reference = table.Column<long>(type: "bigint", nullable: false),
                    participant_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts_peppol_buyer_addresses", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_accounts_peppol_buyer_addresses_accounts_organisations_orga",
                        column: x => x.organisation_id,
                        principalTable: "accounts_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_peppol_buyer_addresses_location_reference",
                table: "accounts_peppol_buyer_addresses",
                column: "location_reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_peppol_buyer_addresses");
        }
    }
}
