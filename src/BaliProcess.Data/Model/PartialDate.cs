using System.Globalization;

namespace BaliProcess.Data.Model;

/// <summary>How much of a date the source document actually states.</summary>
public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>
/// A date known only as precisely as its source states it ("2003", "April 2003", "28 May 2012").
/// Stored as the first day of the period plus its precision, so that it sorts and filters like a date
/// while never showing a day or month the documents do not give.
/// </summary>
public readonly record struct PartialDate(DateOnly Value, DatePrecision Precision) : IComparable<PartialDate>
{
    public int Year => Value.Year;

    /// <summary>Parses the seed-data form: "2012", "2012-05" or "2012-05-28".</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var formats = new (string Format, DatePrecision Precision)[]
        {
            ("yyyy-MM-dd", DatePrecision.Day),
            ("yyyy-MM", DatePrecision.Month),
            ("yyyy", DatePrecision.Year),
        };
        foreach (var (format, precision) in formats)
        {
            if (DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                date = new PartialDate(value, precision);
                return true;
            }
        }

        return false;
    }

    public static PartialDate? FromColumns(DateOnly? value, DatePrecision? precision) =>
        value is { } v && precision is { } p ? new PartialDate(v, p) : null;

    /// <summary>The seed-data form, at the stated precision.</summary>
    public string ToIsoString() => Precision switch
    {
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Human form at the stated precision, in the current culture's month names: "2003", "April 2003", "28 May 2012"
    /// ("Agustus 2018" on an Indonesian page). Data (seed files, the API's dates) uses <see cref="ToIsoString"/>.
    /// </summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.CurrentCulture),
        DatePrecision.Month => Value.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        _ => Value.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
    };

    /// <summary>
    /// A range at the precision of its ends: "28–30 May 2012", "24–25 August 2017", "March–April 2015".
    /// </summary>
    public static string FormatRange(PartialDate start, PartialDate? end)
    {
        if (end is not { } e || e == start)
        {
            return start.ToString();
        }

        var sameYear = start.Year == e.Year;
        if (start.Precision == DatePrecision.Day && e.Precision == DatePrecision.Day && sameYear && start.Value.Month == e.Value.Month)
        {
            return string.Create(CultureInfo.CurrentCulture, $"{start.Value.Day}–{e}");
        }

        if (start.Precision == DatePrecision.Day && e.Precision == DatePrecision.Day && sameYear)
        {
            return string.Create(CultureInfo.CurrentCulture, $"{start.Value:d MMMM}–{e}");
        }

        if (start.Precision == DatePrecision.Month && e.Precision == DatePrecision.Month && sameYear)
        {
            return string.Create(CultureInfo.CurrentCulture, $"{start.Value:MMMM}–{e}");
        }

        return $"{start} – {e}";
    }

    public int CompareTo(PartialDate other)
    {
        var byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
