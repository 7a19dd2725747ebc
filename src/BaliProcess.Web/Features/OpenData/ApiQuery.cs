using System.Globalization;
using System.Text.RegularExpressions;
using BaliProcess.Web.Components.Shared;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// Reads the API's query parameters strictly: a value that is not what the parameter takes is collected
/// as an error naming the parameter (answered as a 400 problem), never an exception. Free text is cleaned
/// exactly as the pages clean it, so the API and the pages filter alike.
/// </summary>
public sealed partial class ApiQuery(HttpRequest request)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 100_000;

    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public IResult Problem() => ApiProblems.BadParameters(errors);

    /// <summary>The raw value, or null when absent or empty; a parameter given twice is an error.</summary>
    public string? Raw(string name)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            Error(name, "is given more than once.");
            return null;
        }

        return string.IsNullOrEmpty(values.ToString()) ? null : values.ToString();
    }

    /// <summary>Free text (a name, a place), cleaned as the pages clean it.</summary>
    public string? Text(string name, int maxLength = QueryText.DefaultMaxLength) => QueryText.Clean(Raw(name), maxLength);

    public int? WholeNumber(string name, int min, int max)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(name, $"must be a whole number from {min} to {max}; “{ApiProblems.Shorten(raw)}” is not.");
        return null;
    }

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, System.Enum
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        if (!raw.Any(char.IsAsciiDigit) && System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        Error(name, $"must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}; “{ApiProblems.Shorten(raw)}” is not.");
        return null;
    }

    /// <summary>One of a fixed set of words.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, raw, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Error(name, $"must be one of {string.Join(", ", allowed)}; “{ApiProblems.Shorten(raw)}” is not.");
        }

        return match;
    }

    /// <summary>A calendar day written as yyyy-MM-dd.</summary>
    public DateOnly? Day(string name)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Error(name, $"must be a day written yyyy-MM-dd; “{ApiProblems.Shorten(raw)}” is not.");
        return null;
    }

    /// <summary>A slug: lowercase ASCII words joined by hyphens.</summary>
    public string? Slug(string name)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        if (raw.Length <= 200 && SlugPattern().IsMatch(raw))
        {
            return raw;
        }

        Error(name, $"must be a slug (lowercase letters, digits and hyphens); “{ApiProblems.Shorten(raw)}” is not.");
        return null;
    }

    /// <summary>page (from 1) and pageSize (1–100, default 20).</summary>
    public (int Page, int PageSize) Paging() =>
        (WholeNumber("page", 1, MaxPage) ?? 1, WholeNumber("pageSize", 1, MaxPageSize) ?? DefaultPageSize);

    public void Error(string name, string message) => errors[name] = [message];

    /// <summary>True for a well-formed slug; anything else in a path is simply not found.</summary>
    public static bool IsSlug(string? text) => text is { Length: > 0 and <= 200 } && SlugPattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
