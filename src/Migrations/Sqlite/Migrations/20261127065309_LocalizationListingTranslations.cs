using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LocalizationListingTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "localization_field_translations",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_revision = table.Column<int>(type: "INTEGER", nullable: false),
                    source_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    engine = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_localization_field_translations", x => new { x.product_id, x.language, x.field });
                });

            migrationBuilder.CreateTable(
                name: "localization_glossaries",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_localization_glossaries", x => x.product_id);
                });

            migrationBuilder.CreateTable(
                name: "localization_listing_languages",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opted_out = table.Column<bool>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_localization_listing_languages", x => new { x.product_id, x.language });
                });

            migrationBuilder.CreateTable(
                name: "localization_translation_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    force = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_localization_translation_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "localization_translation_memory",
                columns: table => new
                {
                    source_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    target_language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    engine = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    glossary_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_localization_translation_memory", x => new { x.source_hash, x.target_language, x.engine, x.glossary_version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_localization_field_translations_seller_id_product_id",
                table: "localization_field_translations",
                columns: new[] { "seller_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_localization_translation_jobs_product_id_language",
                table: "localization_translation_jobs",
                columns: new[] { "product_id", "language" });

            migrationBuilder.CreateIndex(
                name: "ix_localization_translation_jobs_state_due_at",
                table: "localization_translation_jobs",
                columns: new[] { "state", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "localization_field_translations");

            migrationBuilder.DropTable(
                name: "localization_glossaries");

            migrationBuilder.DropTable(
                name: "localization_listing_languages");

            migrationBuilder.DropTable(
                name: "localization_translation_jobs");

            migrationBuilder.DropTable(
                name: "localization_translation_memory");
        }
    }
}
