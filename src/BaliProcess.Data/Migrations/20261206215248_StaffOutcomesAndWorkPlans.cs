using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffOutcomesAndWorkPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "work_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "work_plans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "work_plans",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "work_plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "work_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "work_plans",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "work_plans",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "outcome_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "outcome_documents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "outcome_documents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "outcome_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "outcome_documents",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Every outcome document before this migration came from seed-data/outcome-documents.json (decision 0033).
            migrationBuilder.Sql("UPDATE outcome_documents SET origin = 'Seed';");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "outcome_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "outcome_documents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "outcome_documents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "added_at",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "outcome_documents");
        }
    }
}
