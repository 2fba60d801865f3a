using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountsAwsKeyCustomer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bound_customer_identifier",
                table: "accounts_aws_access_keys",
                type: "TEXT",
                maxLength: 255,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bound_customer_identifier",
                table: "accounts_aws_access_keys");
        }
    }
}
