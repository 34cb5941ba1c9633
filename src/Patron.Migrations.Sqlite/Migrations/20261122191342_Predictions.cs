using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Predictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_prediction_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    calibration_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    customers = table.Column<int>(type: "INTEGER", nullable: false),
                    r = table.Column<double>(type: "REAL", nullable: false),
                    alpha = table.Column<double>(type: "REAL", nullable: false),
                    a = table.Column<double>(type: "REAL", nullable: false),
                    b = table.Column<double>(type: "REAL", nullable: false),
                    log_likelihood = table.Column<double>(type: "REAL", nullable: false),
                    spend_p = table.Column<double>(type: "REAL", nullable: true),
                    spend_q = table.Column<double>(type: "REAL", nullable: true),
                    spend_gamma = table.Column<double>(type: "REAL", nullable: true),
                    frequency_value_correlation = table.Column<double>(type: "REAL", nullable: true),
                    horizon_months = table.Column<int>(type: "INTEGER", nullable: false),
                    monthly_discount_rate = table.Column<double>(type: "REAL", nullable: false),
                    margin = table.Column<double>(type: "REAL", nullable: false),
                    seconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_prediction_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_customer_forecasts",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    probability_alive = table.Column<double>(type: "REAL", nullable: false),
                    expected_purchases90 = table.Column<double>(type: "REAL", nullable: false),
                    expected_order_value = table.Column<long>(type: "INTEGER", nullable: true),
                    lifetime_value = table.Column<long>(type: "INTEGER", nullable: true),
                    next_purchase_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repeat_purchases = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_customer_forecasts", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_analytics_customer_forecasts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_analytics_customer_forecasts_prediction_run_run_id",
                        column: x => x.run_id,
                        principalTable: "analytics_prediction_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_customer_forecasts_run_id",
                table: "analytics_customer_forecasts",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_analytics_prediction_runs_computed_at",
                table: "analytics_prediction_runs",
                column: "computed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_customer_forecasts");

            migrationBuilder.DropTable(
                name: "analytics_prediction_runs");
        }
    }
}
