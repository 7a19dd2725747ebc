using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;

namespace BaliProcess.Web.UnitTests.Languages;

/// <summary>
/// The interface texts (decision 0042): every .resx has its Indonesian twin with the same keys, every text is
/// translated or marked as the same in both languages, and every resource pair is one a localizer can find.
/// </summary>
public sealed partial class TextResourceTests
{
    private const string SameInBoth = "same in both languages";

    public static TheoryData<string> ResourcePairs()
    {
        var data = new TheoryData<string>();
        foreach (var file in ResourceFiles())
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> ResourceFiles()
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(RepositoryRoot(), file));
        }

        return files;
    }

    [Fact]
    public void The_portal_has_interface_texts()
    {
        Assert.Contains(ResourceFiles(), file => file.EndsWith("SharedText.id.resx", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ResourcePairs))]
    public void Every_text_exists_in_both_languages_and_is_translated(string resx)
    {
        var isIndonesian = resx.EndsWith(".id.resx", StringComparison.Ordinal);
        var english = Path.Combine(RepositoryRoot(), isIndonesian ? resx[..^".id.resx".Length] + ".resx" : resx);
        var indonesian = english[..^".resx".Length] + ".id.resx";
        Assert.True(File.Exists(english), $"{resx} has no English file {english}");
        Assert.True(File.Exists(indonesian), $"{resx} has no Indonesian file {indonesian}");

        var en = Read(english);
        var id = Read(indonesian);
        Assert.Empty(en.Keys.Except(id.Keys).Select(k => $"only in English: {k}"));
        Assert.Empty(id.Keys.Except(en.Keys).Select(k => $"only in Indonesian: {k}"));
        var problems = en.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"keys that differ only in case (the compiled resources keep one): {string.Join(" / ", g)}").ToList();
        foreach (var (key, (enValue, _)) in en)
        {
            var (idValue, comment) = id[key];
            if (string.IsNullOrWhiteSpace(idValue) || string.IsNullOrWhiteSpace(enValue))
            {
                problems.Add($"empty: {key}");
            }

            if (!Placeholders(enValue).SequenceEqual(Placeholders(idValue)))
            {
                problems.Add($"other placeholders: {key}");
            }

            if (idValue == enValue && comment != SameInBoth)
            {
                problems.Add($"not translated (mark it \"{SameInBoth}\" if it is a name): {key}");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ResourcePairs))]
    public void Every_resource_pair_has_the_class_a_localizer_finds_it_by(string resx)
    {
        // IStringLocalizer<T> looks for "<T's full name>.resources": the file must sit in T's namespace folder.
        var relative = Path.GetRelativePath(Path.Combine("src", "BaliProcess.Web"), resx);
        var withoutCulture = relative.EndsWith(".id.resx", StringComparison.Ordinal) ? relative[..^".id.resx".Length] : relative[..^".resx".Length];
        var typeName = "BaliProcess.Web." + withoutCulture.Replace(Path.DirectorySeparatorChar, '.');
        Assert.NotNull(typeof(SharedText).Assembly.GetType(typeName));
    }

    public static TheoryData<Enum> EveryModelValue()
    {
        var data = new TheoryData<Enum>();
        Type[] types =
        [
            typeof(MeetingKind), typeof(ParticipantKind), typeof(AttendanceRole), typeof(ActionItemStatus), typeof(MechanismKind),
            typeof(StatementKind), typeof(MechanismRole), typeof(ProgrammeKind), typeof(ProgrammePartRole), typeof(OutcomeDocumentKind),
            typeof(OutcomeAction), typeof(PersonRoleKind),
        ];
        foreach (var type in types)
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                data.Add(value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryModelValue))]
    public void Every_value_of_the_model_has_its_Indonesian_words(Enum value)
    {
        var english = value switch
        {
            MeetingKind v => Labels.Of(v),
            ParticipantKind v => Labels.Of(v),
            AttendanceRole v => Labels.Of(v),
            ActionItemStatus v => Labels.Of(v),
            MechanismKind v => Labels.Of(v),
            StatementKind v => Labels.Of(v),
            MechanismRole v => Labels.Of(v),
            ProgrammeKind v => Labels.Of(v),
            ProgrammePartRole v => Labels.Of(v),
            OutcomeDocumentKind v => Labels.Of(v),
            OutcomeAction v => Labels.Of(v),
            PersonRoleKind v => Labels.Of(v),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
        var shared = new ResourceManager(typeof(SharedText).FullName!, typeof(SharedText).Assembly);
        Assert.NotNull(shared.GetString(english, CultureInfo.GetCultureInfo("id")));
        Assert.NotNull(shared.GetString(english, CultureInfo.InvariantCulture));
        if (value is StatementKind kind)
        {
            Assert.NotEqual(Labels.AsTitled(kind), InIndonesian(() => Words.AsTitled(kind)));
        }

        if (value is MechanismRole role)
        {
            Assert.NotNull(shared.GetString(Labels.Plural(role), CultureInfo.GetCultureInfo("id")));
        }
    }

    [Fact]
    public void Every_relation_between_mechanisms_has_its_Indonesian_words_both_ways()
    {
        var shared = new ResourceManager(typeof(SharedText).FullName!, typeof(SharedText).Assembly);
        foreach (var kind in Enum.GetValues<MechanismRelationKind>())
        {
            Assert.NotNull(shared.GetString(Labels.Of(kind, outgoing: true), CultureInfo.GetCultureInfo("id")));
            Assert.NotNull(shared.GetString(Labels.Of(kind, outgoing: false), CultureInfo.GetCultureInfo("id")));
        }
    }

    private static string InIndonesian(Func<string> render)
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static Dictionary<string, (string Value, string? Comment)> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => ((string?)d.Element("value") ?? "", (string?)d.Element("comment")),
            StringComparer.Ordinal);

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex PlaceholderPattern();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BaliProcess.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BaliProcess.sln not found above " + AppContext.BaseDirectory);
    }
}
