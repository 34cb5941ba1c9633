using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerIdIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_commerce_order_refunds_customer_id",
                table: "commerce_order_refunds",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_commerce_order_lines_customer_id",
                table: "commerce_order_lines",
                column: "customer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commerce_order_refunds_customer_id",
                table: "commerce_order_refunds");

            migrationBuilder.DropIndex(
                name: "ix_commerce_order_lines_customer_id",
                table: "commerce_order_lines");
        }
    }
}
