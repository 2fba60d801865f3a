using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeteringSigningKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "metering_signing_keys",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    public_key_pem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    protected_private_key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metering_signing_keys", x => x.version);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "metering_signing_keys");
        }
    }
}
