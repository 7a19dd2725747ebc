using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BaliProcess.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_create_the_schema_on_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var db = database.CreateContext();

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Participants.CountAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Contains("paragraphs", tables);
        Assert.Contains("action_item_status_changes", tables);
        Assert.Contains("meeting_attendance", tables);
    }

    [Fact]
    public void The_model_and_the_last_migration_agree()
    {
        // Uses the design-time model only; no server needed to compare them.
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run 'dotnet ef migrations add'.");
    }

    [Fact]
    public async Task Paragraph_search_uses_a_GIN_index_on_a_generated_tsvector()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("gin");
        await using var db = database.CreateContext();
        var indexDefinition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'paragraphs' AND indexdef LIKE '%search_vector%'").SingleAsync();
        Assert.Contains("USING gin", indexDefinition, StringComparison.Ordinal);
        var generated = await db.Database.SqlQueryRaw<string>(
            "SELECT generation_expression AS \"Value\" FROM information_schema.columns WHERE table_name = 'paragraphs' AND column_name = 'search_vector'").SingleAsync();
        Assert.Contains("to_tsvector('english'", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Co_chairs_of_mechanisms_become_memberships_with_their_dates_and_sources()
    {
        await using var database = await TestDatabase.CreateAsync("cochairs");
        await using (var before = database.CreateContext())
        {
            // The schema as it was while co-chairs had their own table, with the seed loaded and three co-chair
            // terms: two of one participant (the earliest is kept) and one already recorded as a membership.
            await before.GetService<IMigrator>().MigrateAsync("20261125124816_AddDataProtectionKeys");
        }

        // Today's loader reads and writes today's columns and tables (decision 0021 added three columns to
        // source_documents, decision 0024 columns to statements and paragraphs, decision 0025 the record's third-pass
        // columns and two join tables, decision 0029 columns to meetings and participants, decision 0032 the fourth pass's, decisions 0033–0035 the marks of
        // records staff add from a document, decision 0039 the withdrawals of every other kind): the old schema has them while the seed loads, and loses them again before
        // the migrations that add them run.
        await using (var columns = database.CreateContext())
        {
            await columns.Database.ExecuteSqlRawAsync(
                "ALTER TABLE source_documents ADD COLUMN is_draft boolean NOT NULL DEFAULT false, ADD COLUMN origin integer NOT NULL DEFAULT 0, ADD COLUMN original_url varchar(2000)");
            await columns.Database.ExecuteSqlRawAsync(StatementColumns("ADD COLUMN {0} {1}"));
            await columns.Database.ExecuteSqlRawAsync("ALTER TABLE paragraphs ADD COLUMN is_draft boolean NOT NULL DEFAULT false");
            await columns.Database.ExecuteSqlRawAsync(ThirdPassAdded);
            await columns.Database.ExecuteSqlRawAsync(StaffMeetingsAdded);
            await columns.Database.ExecuteSqlRawAsync(CorrectionsAdded);
            await columns.Database.ExecuteSqlRawAsync(FourthPassAdded);
            await columns.Database.ExecuteSqlRawAsync(StaffKindsAdded);
            await columns.Database.ExecuteSqlRawAsync(WithdrawalsAdded);
            await columns.Database.ExecuteSqlRawAsync(SixthPassAdded);
        }

        await database.LoadSeedAsync(TestPaths.SeedDirectory);
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE source_documents DROP COLUMN is_draft, DROP COLUMN origin, DROP COLUMN original_url");
        await db.Database.ExecuteSqlRawAsync(StatementColumns("DROP COLUMN {0}"));
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE paragraphs DROP COLUMN is_draft");
        await db.Database.ExecuteSqlRawAsync(ThirdPassRemoved);
        await db.Database.ExecuteSqlRawAsync(StaffMeetingsRemoved);
        await db.Database.ExecuteSqlRawAsync(CorrectionsRemoved);
        await db.Database.ExecuteSqlRawAsync(FourthPassRemoved);
        await db.Database.ExecuteSqlRawAsync(WithdrawalsRemoved);
        await db.Database.ExecuteSqlRawAsync(StaffKindsRemoved);
        await db.Database.ExecuteSqlRawAsync(SixthPassRemoved);
        // Raw SQL goes through string.Format: the JSON's braces are doubled.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO mechanism_co_chairs (mechanism_id, participant_id, from_date, from_precision, to_date, to_precision, sources)
            SELECT m.id, p.id, t.from_date, 'Year', t.to_date, 'Year', t.sources::jsonb
            FROM (VALUES
                ('steering-group', 'thailand', DATE '2016-01-01', NULL::date, '[{{"Document": "b.txt", "Location": "later term"}}]'),
                ('steering-group', 'thailand', DATE '2010-01-01', DATE '2012-01-01', '[{{"Document": "a.txt", "Location": "first term"}}]'),
                ('working-group-disruption', 'new-zealand', DATE '1999-01-01', NULL::date, '[]')) AS t(mechanism, participant, from_date, to_date, sources)
            JOIN mechanisms m ON m.slug = t.mechanism
            JOIN participants p ON p.slug = t.participant
            """);

        await db.Database.MigrateAsync();

        var memberships = await db.MechanismMemberships.AsNoTracking()
            .Where(m => m.Role == MechanismRole.CoChair && m.Mechanism != null)
            .Select(m => new { Mechanism = m.Mechanism!.Slug, Participant = m.Participant!.Slug, m.AsWritten, m.FromDate, m.ToDate, m.Sources })
            .ToListAsync();
        var thailand = Assert.Single(memberships, m => m.Mechanism == "steering-group" && m.Participant == "thailand");
        Assert.Equal((new DateOnly(2010, 1, 1), new DateOnly(2012, 1, 1)), (thailand.FromDate, thailand.ToDate));
        Assert.Equal("first term", Assert.Single(thailand.Sources).Location);
        var newZealand = Assert.Single(memberships, m => m.Mechanism == "working-group-disruption" && m.Participant == "new-zealand");
        Assert.Equal(new DateOnly(2015, 1, 1), newZealand.FromDate);
        Assert.Equal("holding the role of co-chair since 2015", newZealand.AsWritten);
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.DoesNotContain("mechanism_co_chairs", tables);
    }

    /// <summary>One ALTER TABLE statements with the columns decision 0024 added, each written by <paramref name="format"/> (name, type).</summary>
    private static string StatementColumns(string format) => "ALTER TABLE statements " + string.Join(", ", new[]
    {
        ("is_draft", "boolean NOT NULL DEFAULT false"), ("origin", "integer NOT NULL DEFAULT 1"), ("added_by", "text"),
        ("added_by_user_id", "varchar(450)"), ("added_at", "timestamptz"), ("published_by", "text"),
        ("published_by_user_id", "varchar(450)"), ("published_at", "timestamptz"),
    }.Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, c.Item1, c.Item2)));

    /// <summary>Decision 0030's columns (withdrawal) and the table of corrections the loader reads.</summary>
    private const string CorrectionsAdded = """
        ALTER TABLE meetings ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason varchar(2000);
        ALTER TABLE statements ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason varchar(2000);
        ALTER TABLE source_documents ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason varchar(2000);
        ALTER TABLE action_items ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason varchar(2000);
        CREATE TABLE record_corrections (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, record_kind varchar(50) NOT NULL, record_key varchar(300) NOT NULL,
            action varchar(20) NOT NULL, fields jsonb NOT NULL, replaces jsonb NOT NULL, reason varchar(2000) NOT NULL, proposed_by text NOT NULL,
            proposed_by_user_id varchar(450) NOT NULL, proposed_at timestamptz NOT NULL, state varchar(20) NOT NULL, decided_by text,
            decided_by_user_id varchar(450), decided_at timestamptz, decision_note varchar(2000));
        """;

    private const string CorrectionsRemoved = """
        ALTER TABLE meetings DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason;
        ALTER TABLE statements DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason;
        ALTER TABLE source_documents DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason;
        ALTER TABLE action_items DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason;
        DROP TABLE record_corrections;
        """;

    private const string ThirdPassAdded = """
        ALTER TABLE participants ADD COLUMN portal_aliases text[] NOT NULL DEFAULT '{{}}';
        ALTER TABLE mechanisms ADD COLUMN portal_aliases text[] NOT NULL DEFAULT '{{}}';
        ALTER TABLE outcome_documents ADD COLUMN title_added_by_portal boolean NOT NULL DEFAULT false;
        ALTER TABLE action_items ADD COLUMN number_added_by_portal boolean NOT NULL DEFAULT false;
        ALTER TABLE meetings ALTER COLUMN is_virtual DROP NOT NULL;
        CREATE TABLE meeting_facilitators (facilitated_by_id integer NOT NULL, facilitated_meetings_id integer NOT NULL, PRIMARY KEY (facilitated_by_id, facilitated_meetings_id));
        CREATE TABLE statement_meetings (also_meetings_id integer NOT NULL, also_statements_id integer NOT NULL, PRIMARY KEY (also_meetings_id, also_statements_id));
        """;

    private const string ThirdPassRemoved = """
        ALTER TABLE participants DROP COLUMN portal_aliases;
        ALTER TABLE mechanisms DROP COLUMN portal_aliases;
        ALTER TABLE outcome_documents DROP COLUMN title_added_by_portal;
        ALTER TABLE action_items DROP COLUMN number_added_by_portal;
        UPDATE meetings SET is_virtual = false WHERE is_virtual IS NULL;
        ALTER TABLE meetings ALTER COLUMN is_virtual SET NOT NULL;
        DROP TABLE meeting_facilitators;
        DROP TABLE statement_meetings;
        """;

    private const string StaffMeetingsAdded = """
        ALTER TABLE participants ADD COLUMN staff_aliases jsonb;
        ALTER TABLE meetings ADD COLUMN origin text NOT NULL DEFAULT 'Seed', ADD COLUMN is_draft boolean NOT NULL DEFAULT false,
            ADD COLUMN added_by text, ADD COLUMN added_by_user_id varchar(450), ADD COLUMN added_at timestamptz, ADD COLUMN published_by text,
            ADD COLUMN published_by_user_id varchar(450), ADD COLUMN published_at timestamptz, ADD COLUMN attendance_as_written jsonb, ADD COLUMN new_aliases jsonb;
        """;

    private const string StaffMeetingsRemoved = """
        ALTER TABLE participants DROP COLUMN staff_aliases;
        ALTER TABLE meetings DROP COLUMN origin, DROP COLUMN is_draft, DROP COLUMN added_by, DROP COLUMN added_by_user_id, DROP COLUMN added_at,
            DROP COLUMN published_by, DROP COLUMN published_by_user_id, DROP COLUMN published_at, DROP COLUMN attendance_as_written, DROP COLUMN new_aliases;
        """;

    // Decision 0032.
    private const string FourthPassAdded = """
        ALTER TABLE mechanisms ADD COLUMN name_added_by_portal boolean NOT NULL DEFAULT false;
        CREATE TABLE programmes (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, slug text NOT NULL, name text NOT NULL,
            name_added_by_portal boolean NOT NULL, kind text NOT NULL, mechanism_id integer, participant_id integer, start_date date,
            start_precision text, end_date date, end_precision text, quotes jsonb, sources jsonb);
        CREATE TABLE programme_parts (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, programme_id integer NOT NULL REFERENCES programmes (id),
            role text NOT NULL, as_written text NOT NULL, participant_id integer, mechanism_id integer, sources jsonb);
        """;

    private const string FourthPassRemoved = """
        ALTER TABLE mechanisms DROP COLUMN name_added_by_portal;
        DROP TABLE programme_parts;
        DROP TABLE programmes;
        """;

    // Decision 0041: a membership's words are part of its key (today's seed has two roles of one kind in different words),
    // and outcome documents have who developed them. The index keeps its old name, which the migration drops, until then.
    private const string SixthPassAdded = """
        DROP INDEX ix_mechanism_memberships_mechanism_id_participant_id_role;
        CREATE UNIQUE INDEX ix_mechanism_memberships_mechanism_id_participant_id_role ON mechanism_memberships (mechanism_id, participant_id, role, as_written) NULLS NOT DISTINCT;
        CREATE TABLE outcome_document_developers (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, outcome_document_id integer NOT NULL,
            as_written text NOT NULL, participant_id integer, mechanism_id integer, sources jsonb);
        """;

    private const string SixthPassRemoved = "DROP TABLE outcome_document_developers;";

    // Decisions 0033–0035: who added and published a record staff drew from a document, on ten tables, and the timeline events.
    private static readonly string[] TablesWithStaffMarks =
    [
        "work_plans", "outcome_documents", "participants", "memberships", "mechanisms", "mechanism_memberships", "people",
        "person_roles", "open_questions", "disagreements",
    ];

    private static readonly string[] TablesGivenAnOrigin =
    [
        "outcome_documents", "participants", "memberships", "mechanisms", "mechanism_memberships", "people", "person_roles",
        "open_questions", "disagreements",
    ];

    private static string StaffKindsAdded =>
        string.Concat(TablesWithStaffMarks.Select(t =>
            $"ALTER TABLE {t} ADD COLUMN is_draft boolean NOT NULL DEFAULT false, ADD COLUMN added_by text, ADD COLUMN added_by_user_id varchar(450), " +
            "ADD COLUMN added_at timestamptz, ADD COLUMN published_by text, ADD COLUMN published_by_user_id varchar(450), ADD COLUMN published_at timestamptz;\n")) +
        string.Concat(TablesGivenAnOrigin.Select(t => $"ALTER TABLE {t} ADD COLUMN origin text NOT NULL DEFAULT 'Seed';\n")) +
        """
        CREATE TABLE timeline_events (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, slug text NOT NULL, title text NOT NULL,
            date date NOT NULL, date_precision text NOT NULL, summary text, place text, mechanism_id integer, participant_id integer,
            origin text NOT NULL, is_draft boolean NOT NULL, added_by text, added_by_user_id varchar(450), added_at timestamptz,
            published_by text, published_by_user_id varchar(450), published_at timestamptz, sources jsonb);
        """;

    /// <summary>Decision 0039: every other correctable kind's withdrawal.</summary>
    private static readonly string[] TablesWithdrawnSince0039 =
    [
        "meeting_attendance", "work_plans", "outcome_documents", "mechanisms", "memberships", "mechanism_memberships", "people", "person_roles",
        "timeline_events", "disagreements", "open_questions",
    ];

    private static string WithdrawalsAdded =>
        string.Concat(TablesWithdrawnSince0039.Select(t => $"ALTER TABLE {t} ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason varchar(2000);\n"));

    private static string WithdrawalsRemoved =>
        string.Concat(TablesWithdrawnSince0039.Select(t => $"ALTER TABLE {t} DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason;\n"));

    private static string StaffKindsRemoved =>
        string.Concat(TablesWithStaffMarks.Select(t =>
            $"ALTER TABLE {t} DROP COLUMN is_draft, DROP COLUMN added_by, DROP COLUMN added_by_user_id, DROP COLUMN added_at, " +
            "DROP COLUMN published_by, DROP COLUMN published_by_user_id, DROP COLUMN published_at;\n")) +
        string.Concat(TablesGivenAnOrigin.Select(t => $"ALTER TABLE {t} DROP COLUMN origin;\n")) +
        "DROP TABLE timeline_events;";
}
