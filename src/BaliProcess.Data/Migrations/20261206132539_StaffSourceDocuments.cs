using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaliProcess.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffSourceDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_draft",
                table: "source_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "origin",
                table: "source_documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every document before this migration came from sources.json: they are the seed's, not the secretariat's.
            migrationBuilder.Sql("UPDATE source_documents SET origin = 1;");

            migrationBuilder.AddColumn<string>(
                name: "original_url",
                table: "source_documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "source_document_files",
                columns: table => new
                {
                    source_document_id = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    media_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    original_file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: true),
                    added_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    added_by = table.Column<string>(type: "text", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    published_by = table.Column<string>(type: "text", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_document_files", x => x.source_document_id);
                    table.ForeignKey(
                        name: "fk_source_document_files_source_documents_source_document_id",
                        column: x => x.source_document_id,
                        principalTable: "source_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_source_document_files_sha256",
                table: "source_document_files",
                column: "sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "source_document_files");

            migrationBuilder.DropColumn(
                name: "is_draft",
                table: "source_documents");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "source_documents");

            migrationBuilder.DropColumn(
                name: "original_url",
                table: "source_documents");
        }
    }
}
