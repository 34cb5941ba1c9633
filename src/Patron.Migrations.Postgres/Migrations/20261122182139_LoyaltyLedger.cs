using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patron.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LoyaltyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loyalty_accounts",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    balance = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_accounts", x => x.customer_id);
                    table.CheckConstraint("ck_loyalty_accounts_balance", "balance >= 0");
                    table.ForeignKey(
                        name: "fk_loyalty_accounts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    points = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_entries_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_lots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    points = table.Column<long>(type: "bigint", nullable: false),
                    remaining = table.Column<long>(type: "bigint", nullable: false),
                    earned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    available_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_lots", x => x.id);
                    table.CheckConstraint("ck_loyalty_lots_remaining", "remaining >= 0 AND remaining <= points");
                    table.ForeignKey(
                        name: "fk_loyalty_lots_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_loyalty_lots_loyalty_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "loyalty_entries",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_consumptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    points = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_consumptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_loyalty_consumptions_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_loyalty_consumptions_points_entry_entry_id",
                        column: x => x.entry_id,
                        principalTable: "loyalty_entries",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_loyalty_consumptions_points_lot_lot_id",
                        column: x => x.lot_id,
                        principalTable: "loyalty_lots",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_consumptions_customer_id_entry_id",
                table: "loyalty_consumptions",
                columns: new[] { "customer_id", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_consumptions_entry_id",
                table: "loyalty_consumptions",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_consumptions_lot_id",
                table: "loyalty_consumptions",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_entries_customer_id_created_at",
                table: "loyalty_entries",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_entries_customer_id_idempotency_key",
                table: "loyalty_entries",
                columns: new[] { "customer_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_lots_customer_id_expires_at",
                table: "loyalty_lots",
                columns: new[] { "customer_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_lots_entry_id",
                table: "loyalty_lots",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_lots_expires_at",
                table: "loyalty_lots",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loyalty_accounts");

            migrationBuilder.DropTable(
                name: "loyalty_consumptions");

            migrationBuilder.DropTable(
                name: "loyalty_lots");

            migrationBuilder.DropTable(
                name: "loyalty_entries");
        }
    }
}
