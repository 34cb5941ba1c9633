using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomerMatchedMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_match_runs_incremental_covered_until",
                table: "customers_match_runs");

            migrationBuilder.DropColumn(
                name: "covered_until",
                table: "customers_match_runs");

            // The customers already there count as covered by identity resolution: switching incremental matching on
            // never merges a shop's existing records unasked (MatchNewCustomersPass). now() is evaluated once, so adding
            // the column with it as default marks every row without rewriting the table; new rows get NULL after that.
            migrationBuilder.AddColumn<DateTime>(
                name: "matched_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true,
                defaultValueSql: "now()");

            migrationBuilder.Sql("ALTER TABLE customers ALTER COLUMN matched_at DROP DEFAULT;");

            migrationBuilder.CreateIndex(
                name: "ix_customers_unmatched",
                table: "customers",
                columns: new[] { "created_at", "id" },
                filter: "matched_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_unmatched",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "matched_at",
                table: "customers");

            migrationBuilder.AddColumn<DateTime>(
                name: "covered_until",
                table: "customers_match_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_match_runs_incremental_covered_until",
                table: "customers_match_runs",
                columns: new[] { "incremental", "covered_until" });
        }
    }
}
