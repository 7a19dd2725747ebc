using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "staff_aliases",
                table: "participants",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "added_by_user_id",
                table: "meetings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attendance_as_written",
                table: "meetings",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "new_aliases",
                table: "meetings",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "meetings",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Every meeting before this migration came from seed-data/meetings.json: they are the seed's (decision 0029).
            migrationBuilder.Sql("UPDATE meetings SET origin = 'Seed';");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by_user_id",
                table: "meetings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "staff_aliases",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "added_by_user_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "attendance_as_written",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "new_aliases",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "published_by_user_id",
                table: "meetings");
        }
    }
}
