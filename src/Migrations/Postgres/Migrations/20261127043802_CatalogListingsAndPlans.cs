using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tradewind.Migrations.Postgres.Migrations
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                table: "catalog_listings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "excluded_countries",
                table: "catalog_listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "fulfilment_url",
                table: "catalog_listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_unpublished_changes",
                table: "catalog_listings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "highlights",
                table: "catalog_listings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "keywords",
                table: "catalog_listings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "licence_kind",
                table: "catalog_listings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<string>(
                name: "licence_terms",
                table: "catalog_listings",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "listed",
                table: "catalog_listings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "logo_media_id",
                table: "catalog_listings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_pricing_json",
                table: "catalog_listings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "published_revision",
                table: "catalog_listings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "catalog_listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "restriction_reason",
                table: "catalog_listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "screenshot_media_ids",
                table: "catalog_listings",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "catalog_listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "support_email",
                table: "catalog_listings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "support_url",
                table: "catalog_listings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "catalog_listings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "catalog_listing_revisions",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    content_json = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: true),
                    height = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    draft_terms_json = table.Column<string>(type: "text", nullable: false),
                    has_draft_changes = table.Column<bool>(type: "boolean", nullable: false),
                    published_version = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
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
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms_json = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
            migrationBuilder.Sql("INSERT INTO catalog_product_categories (product_id, published, category_id, position) SELECT id, false, category_id, 0 FROM catalog_listings;");
            migrationBuilder.Sql("INSERT INTO catalog_product_categories (product_id, published, category_id, position) SELECT id, true, category_id, 0 FROM catalog_listings WHERE status = 'Published';");
            migrationBuilder.Sql("INSERT INTO catalog_listing_revisions (product_id, number, content_json, published_at, approved_by) SELECT id, 1, json_build_object('title', title, 'shortDescription', short_description, 'longDescription', long_description, 'highlights', json_build_array(), 'categories', json_build_array(category_id), 'keywords', json_build_array(), 'screenshots', json_build_array(), 'excludedCountries', json_build_array(), 'licenceKind', 'standard')::text, COALESCE(published_at, created_at), 'system:migration' FROM catalog_listings WHERE status = 'Published';");
            migrationBuilder.Sql("UPDATE catalog_listings SET published_revision = 1, listed = true, published_pricing_json = '{\"models\":[]}' WHERE status = 'Published';");

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
                type: "uuid",
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
