using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AutoTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "segmentation_auto_tag_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rule_json = table.Column<string>(type: "text", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    refreshed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentation_auto_tag_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "segmentation_auto_tag_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tag_added = table.Column<bool>(type: "boolean", nullable: false),
                    matched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    tag_removed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentation_auto_tag_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_segmentation_auto_tag_assignments_auto_tag_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "segmentation_auto_tag_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_auto_tag_assignments_customer_id_ended_at",
                table: "segmentation_auto_tag_assignments",
                columns: new[] { "customer_id", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_auto_tag_assignments_rule_id_ended_at_customer",
                table: "segmentation_auto_tag_assignments",
                columns: new[] { "rule_id", "ended_at", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_auto_tag_rules_name",
                table: "segmentation_auto_tag_rules",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "segmentation_auto_tag_assignments");

            migrationBuilder.DropTable(
                name: "segmentation_auto_tag_rules");
        }
    }
}
