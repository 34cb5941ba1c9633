using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
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

            migrationBuilder.AddColumn<DateTime>(
                name: "matched_at",
                table: "customers",
                type: "TEXT",
                nullable: true);

            // The customers already there count as covered by identity resolution: switching incremental matching on
            // never merges a shop's existing records unasked (MatchNewCustomersPass). In EF's text format for DateTime.
            migrationBuilder.Sql("UPDATE customers SET matched_at = strftime('%Y-%m-%d %H:%M:%f', 'now');");

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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_match_runs_incremental_covered_until",
                table: "customers_match_runs",
                columns: new[] { "incremental", "covered_until" });
        }
    }
}
