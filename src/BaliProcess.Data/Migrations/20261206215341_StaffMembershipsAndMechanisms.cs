using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffMembershipsAndMechanisms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every participant, membership, mechanism and mechanism membership before this migration came from seed-data/:
            // the "origin" columns below default to 'Seed' for them (decision 0034; edited by hand after `migrations add`).
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "participants",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "participants",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "participants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "participants",
                type: "text",
                nullable: false,
                defaultValue: "Seed");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "participants",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "participants",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "memberships",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "memberships",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "memberships",
                type: "text",
                nullable: false,
                defaultValue: "Seed");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "memberships",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "memberships",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "mechanisms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "mechanisms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "mechanisms",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "mechanisms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "mechanisms",
                type: "text",
                nullable: false,
                defaultValue: "Seed");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "mechanisms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "mechanisms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "mechanisms",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "mechanism_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "mechanism_memberships",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "mechanism_memberships",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "mechanism_memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "mechanism_memberships",
                type: "text",
                nullable: false,
                defaultValue: "Seed");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "mechanism_memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "mechanism_memberships",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "mechanism_memberships",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "added_at",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "mechanisms");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "mechanism_memberships");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "mechanism_memberships");
        }
    }
}
