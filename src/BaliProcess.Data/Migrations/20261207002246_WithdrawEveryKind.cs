using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawEveryKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "work_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "work_plans",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "timeline_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "timeline_events",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "person_roles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "person_roles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "people",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "outcome_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "outcome_documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "open_questions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "open_questions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "memberships",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "meeting_attendance",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "meeting_attendance",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "mechanisms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "mechanisms",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "mechanism_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "mechanism_memberships",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "disagreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawn_reason",
                table: "disagreements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "work_plans");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "timeline_events");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "timeline_events");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "person_roles");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "people");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "people");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "outcome_documents");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "open_questions");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "meeting_attendance");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "meeting_attendance");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "disagreements");

            migrationBuilder.DropColumn(
                name: "withdrawn_reason",
                table: "disagreements");
        }
    }
}
