using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSegmentation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "segmentation_segments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rule_json = table.Column<string>(type: "TEXT", nullable: false),
                    member_count = table.Column<int>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentation_segments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "segmentation_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    left_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentation_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_segmentation_memberships_segmentation_segments_segment_id",
                        column: x => x.segment_id,
                        principalTable: "segmentation_segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segmentation_sizes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    segment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false),
                    entered = table.Column<int>(type: "INTEGER", nullable: false),
                    left = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentation_sizes", x => x.id);
                    table.ForeignKey(
                        name: "fk_segmentation_sizes_segmentation_segments_segment_id",
                        column: x => x.segment_id,
                        principalTable: "segmentation_segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_memberships_customer_id_left_at",
                table: "segmentation_memberships",
                columns: new[] { "customer_id", "left_at" });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_memberships_segment_id_left_at_customer_id",
                table: "segmentation_memberships",
                columns: new[] { "segment_id", "left_at", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_segments_name",
                table: "segmentation_segments",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_segmentation_sizes_segment_id_at",
                table: "segmentation_sizes",
                columns: new[] { "segment_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "segmentation_memberships");

            migrationBuilder.DropTable(
                name: "segmentation_sizes");

            migrationBuilder.DropTable(
                name: "segmentation_segments");
        }
    }
}
