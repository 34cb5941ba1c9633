using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IngestEventKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "customers_events",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "customers_events",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_events_source_external_id",
                table: "customers_events",
                columns: new[] { "source", "external_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_events_source_external_id",
                table: "customers_events");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "customers_events");

            migrationBuilder.DropColumn(
                name: "source",
                table: "customers_events");
        }
    }
}
