using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdentityMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "mobile_verified",
                table: "customers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "customers_match_candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    contributions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    found_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    merge_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_match_candidates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_match_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incremental = table.Column<bool>(type: "boolean", nullable: false),
                    covered_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false),
                    customers = table.Column<int>(type: "integer", nullable: false),
                    pairs_compared = table.Column<long>(type: "bigint", nullable: false),
                    queued = table.Column<int>(type: "integer", nullable: false),
                    merged = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_match_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_merges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survivor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    absorbed_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    survivor_before = table.Column<string>(type: "text", nullable: false),
                    absorbed_before = table.Column<string>(type: "text", nullable: false),
                    merged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    merged_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unmerged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    unmerged_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_merges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_merge_moves",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    table_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    row_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_merge_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_merge_moves_customers_merges_merge_id",
                        column: x => x.merge_id,
                        principalTable: "customers_merges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_match_candidates_first_id_second_id",
                table: "customers_match_candidates",
                columns: new[] { "first_id", "second_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_match_candidates_status_score",
                table: "customers_match_candidates",
                columns: new[] { "status", "score" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_match_runs_incremental_covered_until",
                table: "customers_match_runs",
                columns: new[] { "incremental", "covered_until" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_merge_moves_merge_id_table_name_row_id",
                table: "customers_merge_moves",
                columns: new[] { "merge_id", "table_name", "row_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_merges_absorbed_id",
                table: "customers_merges",
                column: "absorbed_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_merges_survivor_id",
                table: "customers_merges",
                column: "survivor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_match_candidates");

            migrationBuilder.DropTable(
                name: "customers_match_runs");

            migrationBuilder.DropTable(
                name: "customers_merge_moves");

            migrationBuilder.DropTable(
                name: "customers_merges");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "mobile_verified",
                table: "customers");
        }
    }
}
