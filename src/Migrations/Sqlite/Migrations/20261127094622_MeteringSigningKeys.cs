using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
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
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    public_key_pem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    protected_private_key = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
