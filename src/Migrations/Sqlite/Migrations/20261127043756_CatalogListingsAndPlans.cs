using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogListingsAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_listings_status_published_at",
                table: "catalog_listings");

            migrationBuilder.AddColumn<long>(
                name: "changed_at",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "excluded_countries",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "fulfilment_url",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_unpublished_changes",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "highlights",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "keywords",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "licence_kind",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<string>(
                name: "licence_terms",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "listed",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "logo_media_id",
                table: "catalog_listings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_pricing_json",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "published_revision",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "restriction_reason",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "screenshot_media_ids",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "submitted_at",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "support_email",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "support_url",
                table: "catalog_listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "updated_at",
                table: "catalog_listings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "catalog_listing_revisions",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    content_json = table.Column<string>(type: "TEXT", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_listing_revisions", x => new { x.product_id, x.number });
                    table.ForeignKey(
                        name: "fk_catalog_listing_revisions_catalog_listings_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_media",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: true),
                    height = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_media", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_media_catalog_listings_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    draft_terms_json = table.Column<string>(type: "TEXT", nullable: false),
                    has_draft_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    published_version = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_plans_catalog_listings_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_categories",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    published = table.Column<bool>(type: "INTEGER", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_categories", x => new { x.product_id, x.published, x.category_id });
                    table.ForeignKey(
                        name: "fk_catalog_product_categories_catalog_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "catalog_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_product_categories_catalog_listings_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_plan_versions",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    terms_json = table.Column<string>(type: "TEXT", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_plan_versions", x => new { x.plan_id, x.version });
                    table.ForeignKey(
                        name: "fk_catalog_plan_versions_catalog_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "catalog_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_listings_changed_at",
                table: "catalog_listings",
                column: "changed_at");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_listings_listed_published_at",
                table: "catalog_listings",
                columns: new[] { "listed", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_listings_status_submitted_at",
                table: "catalog_listings",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_media_product_id_created_at",
                table: "catalog_media",
                columns: new[] { "product_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_plan_versions_product_id",
                table: "catalog_plan_versions",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_plans_product_id_created_at",
                table: "catalog_plans",
                columns: new[] { "product_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_categories_category_id_published",
                table: "catalog_product_categories",
                columns: new[] { "category_id", "published" });

            // Existing listings: their one category becomes the first draft (and, if published, published) category, and
            // a published listing's content becomes revision 1, so the storefront shows the same thing after the upgrade.
            migrationBuilder.Sql("UPDATE catalog_listings SET updated_at = created_at, changed_at = created_at;");
            migrationBuilder.Sql("INSERT INTO catalog_product_categories (product_id, published, category_id, position) SELECT id, 0, category_id, 0 FROM catalog_listings;");
            migrationBuilder.Sql("INSERT INTO catalog_product_categories (product_id, published, category_id, position) SELECT id, 1, category_id, 0 FROM catalog_listings WHERE status = 'Published';");
            migrationBuilder.Sql("INSERT INTO catalog_listing_revisions (product_id, number, content_json, published_at, approved_by) SELECT id, 1, json_object('title', title, 'shortDescription', short_description, 'longDescription', long_description, 'highlights', json('[]'), 'categories', json_array(category_id), 'keywords', json('[]'), 'screenshots', json('[]'), 'excludedCountries', json('[]'), 'licenceKind', 'standard'), COALESCE(published_at, created_at), 'system:migration' FROM catalog_listings WHERE status = 'Published';");
            migrationBuilder.Sql("UPDATE catalog_listings SET published_revision = 1, listed = 1, published_pricing_json = '{\"models\":[]}' WHERE status = 'Published';");

            migrationBuilder.DropForeignKey(
                name: "fk_catalog_listings_catalog_categories_category_id",
                table: "catalog_listings");

            migrationBuilder.DropIndex(
                name: "ix_catalog_listings_category_id",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "catalog_listings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_listing_revisions");

            migrationBuilder.DropTable(
                name: "catalog_media");

            migrationBuilder.DropTable(
                name: "catalog_plan_versions");

            migrationBuilder.DropTable(
                name: "catalog_product_categories");

            migrationBuilder.DropTable(
                name: "catalog_plans");

            migrationBuilder.DropIndex(
                name: "ix_catalog_listings_changed_at",
                table: "catalog_listings");

            migrationBuilder.DropIndex(
                name: "ix_catalog_listings_listed_published_at",
                table: "catalog_listings");

            migrationBuilder.DropIndex(
                name: "ix_catalog_listings_status_submitted_at",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "excluded_countries",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "fulfilment_url",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "has_unpublished_changes",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "highlights",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "keywords",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "licence_kind",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "licence_terms",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "listed",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "logo_media_id",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "published_pricing_json",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "published_revision",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "restriction_reason",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "screenshot_media_ids",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "support_email",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "support_url",
                table: "catalog_listings");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "catalog_listings");

            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "catalog_listings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "ix_catalog_listings_category_id",
                table: "catalog_listings",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_listings_status_published_at",
                table: "catalog_listings",
                columns: new[] { "status", "published_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_catalog_listings_catalog_categories_category_id",
                table: "catalog_listings",
                column: "category_id",
                principalTable: "catalog_categories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
