using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LoyaltyProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commerce_order_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    refund_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    total_refunded = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commerce_order_refunds", x => x.id);
                    table.CheckConstraint("ck_commerce_order_refunds_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_commerce_order_refunds_commerce_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "commerce_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_coupon_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount_off = table.Column<long>(type: "INTEGER", nullable: false),
                    percent_off = table.Column<int>(type: "INTEGER", nullable: false),
                    max_discount = table.Column<long>(type: "INTEGER", nullable: true),
                    min_spend = table.Column<long>(type: "INTEGER", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    gift_product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    stackable = table.Column<bool>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateTime>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateTime>(type: "TEXT", nullable: true),
                    valid_days = table.Column<int>(type: "INTEGER", nullable: true),
                    total_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    per_customer_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    issued_count = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_coupon_templates", x => x.id);
                    table.CheckConstraint("ck_loyalty_coupon_templates_issued", "total_limit IS NULL OR issued_count <= total_limit");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_earn_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    multiplier_percent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_earn_rules", x => x.id);
                    table.CheckConstraint("ck_loyalty_earn_rules_multiplier", "multiplier_percent >= 0");
                    table.CheckConstraint("ck_loyalty_earn_rules_target", "(product_id IS NULL) <> (category_id IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_expiry_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_expiry_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_expiry_reminders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_member_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    weekday = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    day_of_month = table.Column<int>(type: "INTEGER", nullable: true),
                    multiplier_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_member_days", x => x.id);
                    table.CheckConstraint("ck_loyalty_member_days_day", "(weekday IS NULL) <> (day_of_month IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_order_earnings",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paid_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    points_earned = table.Column<long>(type: "INTEGER", nullable: false),
                    points_reversed = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_order_earnings", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_loyalty_order_earnings_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    fen_per_point = table.Column<long>(type: "INTEGER", nullable: false),
                    point_value_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    return_window_days = table.Column<int>(type: "INTEGER", nullable: false),
                    expiry_years = table.Column<int>(type: "INTEGER", nullable: false),
                    max_points_per_order = table.Column<long>(type: "INTEGER", nullable: true),
                    tier_basis = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tier_window_days = table.Column<int>(type: "INTEGER", nullable: false),
                    tier_grace_days = table.Column<int>(type: "INTEGER", nullable: false),
                    expiry_reminder_days = table.Column<int>(type: "INTEGER", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_tier_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_tier_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_tier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    measure = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_tier_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_tier_history_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_tiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    points_multiplier_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    discount_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    birthday_points = table.Column<long>(type: "INTEGER", nullable: false),
                    free_delivery = table.Column<bool>(type: "INTEGER", nullable: false),
                    perks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_tiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_till_commits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    order_ref = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    points_redeemed = table.Column<long>(type: "INTEGER", nullable: false),
                    points_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    points_refunded = table.Column<long>(type: "INTEGER", nullable: false),
                    coupons_restored = table.Column<bool>(type: "INTEGER", nullable: false),
                    response = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_till_commits", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_till_commits_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    template_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateTime>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateTime>(type: "TEXT", nullable: true),
                    redeemed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    commit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    issue_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_coupons", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_coupons_coupon_template_template_id",
                        column: x => x.template_id,
                        principalTable: "loyalty_coupon_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_loyalty_coupons_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_member_tiers",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    review_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_member_tiers", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_loyalty_member_tiers_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_loyalty_member_tiers_loyalty_tiers_tier_id",
                        column: x => x.tier_id,
                        principalTable: "loyalty_tiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commerce_order_refunds_order_id_refund_key",
                table: "commerce_order_refunds",
                columns: new[] { "order_id", "refund_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_code",
                table: "loyalty_coupons",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_customer_id_issue_key",
                table: "loyalty_coupons",
                columns: new[] { "customer_id", "issue_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_customer_id_status",
                table: "loyalty_coupons",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_coupons_template_id",
                table: "loyalty_coupons",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_earn_rules_category_id",
                table: "loyalty_earn_rules",
                column: "category_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_earn_rules_product_id",
                table: "loyalty_earn_rules",
                column: "product_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_expiry_reminders_customer_id_expires_at",
                table: "loyalty_expiry_reminders",
                columns: new[] { "customer_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_expiry_reminders_lot_id",
                table: "loyalty_expiry_reminders",
                column: "lot_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_member_tiers_review_at",
                table: "loyalty_member_tiers",
                column: "review_at");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_member_tiers_tier_id",
                table: "loyalty_member_tiers",
                column: "tier_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_order_earnings_customer_id_placed_at",
                table: "loyalty_order_earnings",
                columns: new[] { "customer_id", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_tier_history_customer_id_at",
                table: "loyalty_tier_history",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_tiers_code",
                table: "loyalty_tiers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_tiers_rank",
                table: "loyalty_tiers",
                column: "rank",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_till_commits_customer_id_idempotency_key",
                table: "loyalty_till_commits",
                columns: new[] { "customer_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_till_commits_customer_id_order_ref",
                table: "loyalty_till_commits",
                columns: new[] { "customer_id", "order_ref" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commerce_order_refunds");

            migrationBuilder.DropTable(
                name: "loyalty_coupons");

            migrationBuilder.DropTable(
                name: "loyalty_earn_rules");

            migrationBuilder.DropTable(
                name: "loyalty_expiry_reminders");

            migrationBuilder.DropTable(
                name: "loyalty_member_days");

            migrationBuilder.DropTable(
                name: "loyalty_member_tiers");

            migrationBuilder.DropTable(
                name: "loyalty_order_earnings");

            migrationBuilder.DropTable(
                name: "loyalty_settings");

            migrationBuilder.DropTable(
                name: "loyalty_tier_history");

            migrationBuilder.DropTable(
                name: "loyalty_till_commits");

            migrationBuilder.DropTable(
                name: "loyalty_coupon_templates");

            migrationBuilder.DropTable(
                name: "loyalty_tiers");
        }
    }
}
