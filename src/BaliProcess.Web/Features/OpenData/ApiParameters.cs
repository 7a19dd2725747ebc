using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// The query parameters of an API operation, declared once as a record: each constructor parameter is a
/// query parameter named in camelCase (PageSize is pageSize), of its type (a whole number, an enum, a day
/// or text), with its [Range], [AllowedValues] or [Slug], its default value and its [Description]. From
/// that one declaration <see cref="ApiParameterBinder"/> reads the query string strictly and
/// <see cref="ApiParameterSchemas"/> describes the parameters in the OpenAPI document; an operation takes
/// the record as a handler parameter, with no attribute, as eShop's handlers take PaginationRequest.
/// </summary>
/// <remarks>
/// The record binds itself (BindAsync) instead of through [AsParameters] because the framework's binding
/// of a bad value ("page=abc", "kind=1", "page=1&amp;page=2") answers an empty 400, or even accepts it
/// (a number for an enum), and treats "kind=" and "kind=government" as errors; the portal answers a
/// problem naming every bad parameter, and reads the same values the pages accept.
/// </remarks>
public interface IApiParameters<TSelf> : IBindableFromHttpContext<TSelf>, IEndpointParameterMetadataProvider
    where TSelf : class, IApiParameters<TSelf>
{
    /// <summary>Never fails: a bad value is noted for <see cref="ApiParameterBinder.RejectBadParameters"/>, which answers the 400.</summary>
    static ValueTask<TSelf?> IBindableFromHttpContext<TSelf>.BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<TSelf?>(ApiParameterBinder.Bind<TSelf>(context));

    /// <summary>Tells the OpenAPI document which record describes the operation's query, and that it may answer 400.</summary>
    static void IEndpointParameterMetadataProvider.PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ApiParametersMetadata(typeof(TSelf)));
        if (!builder.Metadata.OfType<ProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status400BadRequest))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        }
    }
}

/// <summary>Endpoint metadata: this record's parameters are part of the operation's query.</summary>
public sealed record ApiParametersMetadata(Type ParametersType);

/// <summary>page and pageSize, taken by every list (as eShop's PaginationRequest).</summary>
public sealed record PageParameters(
    [Description("Page number, from 1 (default 1)."), Range(1, PageParameters.MaxPage)] int Page = 1,
    [Description("Records per page, 1–100 (default 20)."), Range(1, PageParameters.MaxPageSize)] int PageSize = PageParameters.DefaultPageSize)
    : IApiParameters<PageParameters>
{
    public const int MaxPage = 100_000;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>This page of a list read whole (the lists are small), with its Link header.</summary>
    public ApiJsonResult<ApiPage<T>> Of<T>(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        return Of(all.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize).ToList(), all.Count);
    }

    /// <summary>This page, already cut from a list of <paramref name="total"/> records, with its Link header.</summary>
    public ApiJsonResult<ApiPage<T>> Of<T>(IReadOnlyList<T> items, int total)
    {
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new ApiJsonResult<ApiPage<T>>(new ApiPage<T>(items, Page, PageSize, total, totalPages), new PageLinks(Page, totalPages));
    }
}

/// <summary>
/// A slug: lowercase ASCII words joined by hyphens, at most 200 characters. On an API parameter it is
/// checked by <see cref="ApiParameterBinder"/> and shown as a pattern in the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed partial class SlugAttribute() : RegularExpressionAttribute(PatternText), IApiParameterMessage
{
    public const string PatternText = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const int MaxLength = 200;

    public string BadValueMessage => "must be a slug (lowercase letters, digits and hyphens); “{0}” is not.";

    /// <summary>True for a well-formed slug; anything else in a path is simply not found.</summary>
    public static bool IsSlug(string? text) => text is { Length: > 0 and <= MaxLength } && SlugRegex().IsMatch(text);

    public override bool IsValid(object? value) => value is null || IsSlug(value as string);

    [GeneratedRegex(PatternText)]
    private static partial Regex SlugRegex();
}

/// <summary>
/// A check on an API parameter that tells a bad value what was wrong in its own words ({0} is the value
/// given, {1} the values taken). DataAnnotations' own ErrorMessage is written for forms ("The x field ...").
/// </summary>
public interface IApiParameterMessage
{
    string BadValueMessage { get; }
}
