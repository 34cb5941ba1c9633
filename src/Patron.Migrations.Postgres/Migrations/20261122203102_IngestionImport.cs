using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IngestionImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingestion_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    headers_json = table.Column<string>(type: "text", nullable: false),
                    mapping_json = table.Column<string>(type: "text", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    rows_accepted = table.Column<long>(type: "bigint", nullable: false),
                    rows_rejected = table.Column<long>(type: "bigint", nullable: false),
                    customers_created = table.Column<long>(type: "bigint", nullable: false),
                    customers_matched = table.Column<long>(type: "bigint", nullable: false),
                    orders_created = table.Column<long>(type: "bigint", nullable: false),
                    order_lines_created = table.Column<long>(type: "bigint", nullable: false),
                    duplicates_skipped = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    mapping_json = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_quarantine",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    row_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    row_number = table.Column<long>(type: "bigint", nullable: false),
                    cells_json = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_quarantine", x => x.id);
                    table.ForeignKey(
                        name: "fk_ingestion_quarantine_ingestion_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "ingestion_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_jobs_started_at",
                table: "ingestion_jobs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_quarantine_job_id",
                table: "ingestion_quarantine",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_quarantine_source_kind_row_key",
                table: "ingestion_quarantine",
                columns: new[] { "source", "kind", "row_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_sources_name_kind",
                table: "ingestion_sources",
                columns: new[] { "name", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestion_quarantine");

            migrationBuilder.DropTable(
                name: "ingestion_sources");

            migrationBuilder.DropTable(
                name: "ingestion_jobs");
        }
    }
}
