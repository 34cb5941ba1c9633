using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LoyaltyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_loyalty_coupons_template_id",
                table: "loyalty_coupons");

            migrationBuilder.AddColumn<Guid>(
                name: "birthday_coupon_template_id",
                table: "loyalty_tiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "seq",
                table: "loyalty_coupons",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "commerce_order_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    refund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    observer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commerce_order_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_commerce_order_notices_commerce_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "commerce_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_coupon_triggers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    tier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_coupon_triggers", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_coupon_triggers_loyalty_coupon_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "loyalty_coupon_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_loyalty_coupon_triggers_loyalty_tier_tier_id",
                        column: x => x.tier_id,
                        principalTable: "loyalty_tiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    as_of = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_job_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_tiers_birthday_coupon_template_id",
                table: "loyalty_tiers",
                column: "birthday_coupon_template_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_template_id_customer_id_seq",
                table: "loyalty_coupons",
                columns: new[] { "template_id", "customer_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commerce_order_notices_delivered_at_next_attempt_at",
                table: "commerce_order_notices",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_commerce_order_notices_order_id_refund_id_observer_kind",
                table: "commerce_order_notices",
                columns: new[] { "order_id", "refund_id", "observer", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupon_triggers_template_id_kind",
                table: "loyalty_coupon_triggers",
                columns: new[] { "template_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupon_triggers_tier_id",
                table: "loyalty_coupon_triggers",
                column: "tier_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_job_runs_job_started_at",
                table: "loyalty_job_runs",
                columns: new[] { "job", "started_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_loyalty_tiers_loyalty_coupon_templates_birthday_coupon_temp",
                table: "loyalty_tiers",
                column: "birthday_coupon_template_id",
                principalTable: "loyalty_coupon_templates",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_loyalty_tiers_loyalty_coupon_templates_birthday_coupon_temp",
                table: "loyalty_tiers");

            migrationBuilder.DropTable(
                name: "commerce_order_notices");

            migrationBuilder.DropTable(
                name: "loyalty_coupon_triggers");

            migrationBuilder.DropTable(
                name: "loyalty_job_runs");

            migrationBuilder.DropIndex(
                name: "ix_loyalty_tiers_birthday_coupon_template_id",
                table: "loyalty_tiers");

            migrationBuilder.DropIndex(
                name: "ix_loyalty_coupons_template_id_customer_id_seq",
                table: "loyalty_coupons");

            migrationBuilder.DropColumn(
                name: "birthday_coupon_template_id",
                table: "loyalty_tiers");

            migrationBuilder.DropColumn(
                name: "seq",
                table: "loyalty_coupons");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_template_id",
                table: "loyalty_coupons",
                column: "template_id");
        }
    }
}
