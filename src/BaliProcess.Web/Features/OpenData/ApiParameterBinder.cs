using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// Reads <see cref="IApiParameters{TSelf}"/> records from the query string strictly: a value that is not
/// what its parameter takes is noted as an error naming the parameter, and the request is answered with one
/// 400 problem naming every bad parameter (<see cref="RejectBadParameters"/>), never an exception. An empty
/// value is the same as none (a GET form sends empty fields); a parameter given twice is an error.
/// </summary>
public static class ApiParameterBinder
{
    private static readonly object ErrorsKey = new();

    public static TSelf Bind<TSelf>(HttpContext context)
        where TSelf : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ErrorsKey] is not Dictionary<string, string[]> errors)
        {
            // One list for every record the operation takes, so one answer names every bad parameter.
            errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            context.Items[ErrorsKey] = errors;
        }

        var declaration = ApiParameterDeclaration.Of(typeof(TSelf));
        var values = declaration.Parameters.Select(p => p.Read(context.Request.Query, errors)).ToArray();
        return (TSelf)declaration.Constructor.Invoke(values);
    }

    /// <summary>
    /// The API group's endpoint filter: an operation that takes parameter records answers the 400 problem
    /// before its handler runs when any of them had a bad value. Other operations are left as they are.
    /// </summary>
    public static EndpointFilterDelegate RejectBadParameters(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MethodInfo.GetParameters().Any(p => ApiParameterDeclaration.IsParameters(p.ParameterType)))
        {
            return next;
        }

        return invocation => invocation.HttpContext.Items[ErrorsKey] is Dictionary<string, string[]> { Count: > 0 } errors
            ? ValueTask.FromResult<object?>(ApiProblems.BadParameters(errors))
            : next(invocation);
    }
}

/// <summary>A parameter record's constructor and its parameters, read once by reflection.</summary>
public sealed class ApiParameterDeclaration
{
    private static readonly ConcurrentDictionary<Type, ApiParameterDeclaration> Declarations = new();

    private ApiParameterDeclaration(Type type)
    {
        // A positional record has one public constructor, whose parameters are its query parameters.
        Constructor = type.GetConstructors().Single();
        Parameters = [.. Constructor.GetParameters().Select(p => new ApiParameter(type, p))];
    }

    public ConstructorInfo Constructor { get; }

    public IReadOnlyList<ApiParameter> Parameters { get; }

    public static ApiParameterDeclaration Of(Type type) => Declarations.GetOrAdd(type, t => new ApiParameterDeclaration(t));

    public static bool IsParameters(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IApiParameters<>));
}

/// <summary>One query parameter as its record declares it: name, type, constraints, default and description.</summary>
public sealed class ApiParameter
{
    internal ApiParameter(Type record, ParameterInfo parameter)
    {
        Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
        var nullable = Nullable.GetUnderlyingType(parameter.ParameterType);
        ValueType = nullable ?? parameter.ParameterType;
        Default = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        Description = parameter.GetCustomAttribute<DescriptionAttribute>()?.Description;
        Range = parameter.GetCustomAttribute<RangeAttribute>();
        AllowedValues = parameter.GetCustomAttribute<AllowedValuesAttribute>();
        Checks = [.. parameter.GetCustomAttributes<ValidationAttribute>().Where(a => a is not (RangeAttribute or AllowedValuesAttribute))];
        if (ValueType != typeof(int) && ValueType != typeof(string) && ValueType != typeof(DateOnly) && !ValueType.IsEnum)
        {
            throw new InvalidOperationException($"{record.Name}.{parameter.Name}: the API reads whole numbers, enums, days and text, not {ValueType.Name}.");
        }

        if (ValueType.IsValueType && nullable is null && !parameter.HasDefaultValue)
        {
            throw new InvalidOperationException($"{record.Name}.{parameter.Name}: a parameter that may be absent needs a default or a nullable type.");
        }
    }

    /// <summary>The name in the query string: the record's parameter name in camelCase.</summary>
    public string Name { get; }

    /// <summary>int, string, DateOnly or an enum (without Nullable).</summary>
    public Type ValueType { get; }

    /// <summary>The value when the parameter is absent or empty.</summary>
    public object? Default { get; }

    public string? Description { get; }

    public RangeAttribute? Range { get; }

    public AllowedValuesAttribute? AllowedValues { get; }

    /// <summary>Further checks on text, e.g. <see cref="SlugAttribute"/>.</summary>
    public IReadOnlyList<ValidationAttribute> Checks { get; }

    public int Minimum => Range is null ? 0 : Convert.ToInt32(Range.Minimum, CultureInfo.InvariantCulture);

    public int Maximum => Range is null ? int.MaxValue : Convert.ToInt32(Range.Maximum, CultureInfo.InvariantCulture);

    /// <summary>The value to pass to the record's constructor; a bad value is added to <paramref name="errors"/>.</summary>
    public object? Read(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var values = query[Name];
        if (values.Count > 1)
        {
            errors[Name] = [OpenDataWords.Text("is given more than once.")];
            return Default;
        }

        var raw = values.ToString();
        if (raw.Length == 0)
        {
            return Default;
        }

        var (value, error) = Parse(raw);
        if (error is not null)
        {
            errors[Name] = [error];
            return Default;
        }

        return value;
    }

    private (object? Value, string? Error) Parse(string raw)
    {
        var shown = ApiProblems.Shorten(raw);
        if (ValueType == typeof(int))
        {
            var isNumber = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
            if (AllowedValues is not null)
            {
                return isNumber && AllowedValues.IsValid(number) ? (number, null) : (null, NotAllowed(shown));
            }

            return isNumber && number >= Minimum && number <= Maximum
                ? (number, null)
                : (null, OpenDataWords.Format("must be a whole number from {0} to {1}; “{2}” is not.", Minimum, Maximum, shown));
        }

        if (ValueType.IsEnum)
        {
            // Only a name, in any case, or the pages' word for it ("for-action", as a page's API link carries it):
            // Enum.TryParse would also take "1" or "Member, Observer" as some other value.
            var bare = raw.Replace("-", "", StringComparison.Ordinal);
            var name = Enum.GetNames(ValueType).FirstOrDefault(n => string.Equals(n, bare, StringComparison.OrdinalIgnoreCase));
            return name is null
                ? (null, OpenDataWords.Format("must be one of {0}; “{1}” is not.", string.Join(", ", Enum.GetNames(ValueType)), shown))
                : (Enum.Parse(ValueType, name), null);
        }

        if (ValueType == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? (day, null)
                : (null, OpenDataWords.Format("must be a day written yyyy-MM-dd; “{0}” is not.", shown));
        }

        if (AllowedValues is not null)
        {
            // The accepted spelling, whatever the case of the one given.
            var match = AllowedValues.Values.OfType<string>().FirstOrDefault(v => string.Equals(v, raw, StringComparison.OrdinalIgnoreCase));
            return match is null ? (null, NotAllowed(shown)) : (match, null);
        }

        var failed = Checks.FirstOrDefault(c => !c.IsValid(raw));
        return failed is null ? (raw, null) : (null, Message(failed, "does not have the form this parameter takes; “{0}” is not.", shown));
    }

    private string NotAllowed(string shown) => Message(AllowedValues!, "must be one of {1}; “{0}” is not.", shown);

    /// <summary>The check's own words (<see cref="IApiParameterMessage"/>) or the given ones: {0} the value, {1} the values taken, {2} examples of meeting kinds.</summary>
    private string Message(ValidationAttribute check, string fallback, string shown)
    {
        var accepted = AllowedValues is null ? "" : string.Join(", ", AllowedValues.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        return OpenDataWords.Format((check as IApiParameterMessage)?.BadValueMessage ?? fallback, shown, accepted, Search.MeetingKindSlugAttribute.Examples);
    }
}
