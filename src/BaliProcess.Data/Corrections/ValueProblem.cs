using System.Globalization;

namespace BaliProcess.Data.Corrections;

/// <summary>
/// What is wrong with a value typed into a correctable field, for the person who typed it: an English sentence
/// with placeholders and its values. The Data project has no texts of its own; the Web project shows the sentence in
/// the page's language, the sentence being the key of its texts (CorrectionsText). <see cref="ToString"/> is the
/// English message. The values a person must type (enum names such as "Member") are arguments, never translated.
/// </summary>
public sealed class ValueProblem(string template, params object[] args)
{
    public string Template { get; } = template;

    public IReadOnlyList<object> Args { get; } = args;

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Template, [.. Args.Select(a => a is FieldLabel l ? l.Label.ToLowerInvariant() : a)]);
}

/// <summary>A field's label inside a <see cref="ValueProblem"/>, written lower case ("The title has more than …").</summary>
public sealed record FieldLabel(string Label);
