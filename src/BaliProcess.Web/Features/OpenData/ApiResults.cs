using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// A JSON answer with a strong ETag (a hash of the body), 304 when the client's If-None-Match names it,
/// and RFC 8288 Link headers when it is a page of a list. As a typed result it documents itself: an
/// operation returning it is described with a 200 of <typeparamref name="T"/> (as TypedResults.Ok's Ok&lt;T&gt;,
/// which has no ETag).
/// </summary>
public sealed class ApiJsonResult<T>(T value, PageLinks? links = null) : IResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = ApiEtag.Of(body);
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        // Clients may keep the answer but ask again each time; the ETag makes asking again cheap.
        response.Headers.CacheControl = "no-cache";
        if (links is not null)
        {
            response.Headers.Link = links.ToHeader(httpContext.Request);
        }

        if (ApiEtag.Matches(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}

public static class ApiEtag
{
    /// <summary>A strong validator: the first 16 bytes of the body's SHA-256, base64url.</summary>
    public static string Of(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>True when If-None-Match lists this ETag (weak or strong) or is "*".</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}

/// <summary>The page a list answer is on, for its Link header (first, prev, next, last).</summary>
public sealed record PageLinks(int Page, int TotalPages)
{
    public string ToHeader(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var links = new List<string> { Link(request, 1, "first") };
        if (Page > 1)
        {
            links.Add(Link(request, Math.Min(Page - 1, TotalPages), "prev"));
        }

        if (Page < TotalPages)
        {
            links.Add(Link(request, Page + 1, "next"));
        }

        links.Add(Link(request, TotalPages, "last"));
        return string.Join(", ", links);
    }

    private static string Link(HttpRequest request, int page, string rel)
    {
        // The request's own query with only the page replaced, so the links keep every filter.
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
        return $"<{url}>; rel=\"{rel}\"";
    }
}

/// <summary>
/// 404 as an RFC 7807 problem (application/problem+json), documented by its type. TypedResults.NotFound(problem)
/// would answer it as application/json.
/// </summary>
public sealed class ApiNotFound(ProblemHttpResult problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public Microsoft.AspNetCore.Mvc.ProblemDetails? Value => problem.ProblemDetails;

    object? IValueHttpResult.Value => problem.ProblemDetails;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>The answer for one record by its slug.</summary>
public static class ApiRecord
{
    /// <summary>
    /// The record <paramref name="find"/> returns for the slug, mapped to the API's record; a 404 problem naming
    /// <paramref name="what"/> when there is none, or when the slug is malformed (then the service is not asked).
    /// </summary>
    public static Task<Results<ApiJsonResult<T>, ApiNotFound>> BySlugAsync<TRecord, T>(
        string slug, string what, Func<string, Task<TRecord?>> find, Func<TRecord, T> map)
        where TRecord : class =>
        BySlugAsync(slug, what, find, record => Task.FromResult(new ApiJsonResult<T>(map(record))));

    /// <inheritdoc cref="BySlugAsync{TRecord, T}(string, string, Func{string, Task{TRecord}}, Func{TRecord, T})"/>
    public static async Task<Results<ApiJsonResult<T>, ApiNotFound>> BySlugAsync<TRecord, T>(
        string slug, string what, Func<string, Task<TRecord?>> find, Func<TRecord, Task<ApiJsonResult<T>>> answer)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(answer);
        return SlugAttribute.IsSlug(slug) && await find(slug) is { } record ? await answer(record) : ApiProblems.NotFound(what, slug);
    }
}

/// <summary>RFC 7807 problem details for the API: 400 naming the parameter, 404 naming what was not found.</summary>
public static class ApiProblems
{
    public static ApiNotFound NotFound(string what, string slug) => new(TypedResults.Problem(
        title: OpenDataWords.Text("Not found"),
        // A slug is echoed back; anything else is not (it is not a slug, whatever it is). The client's language
        // (Accept-Language) chooses the words; the kind of record is named in them ("meeting": "pertemuan").
        detail: SlugAttribute.IsSlug(slug)
            ? OpenDataWords.Format("There is no {0} with the slug “{1}”.", OpenDataWords.Text(what), slug)
            : OpenDataWords.Format("There is no {0} at this address: slugs are lowercase letters, digits and hyphens.", OpenDataWords.Text(what)),
        statusCode: StatusCodes.Status404NotFound,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.404"));

    public static ApiNotFound NoSuchResource() => new(TypedResults.Problem(
        title: OpenDataWords.Text("Not found"),
        detail: OpenDataWords.Text("There is nothing at this address. The API reference at /api/reference lists every operation."),
        statusCode: StatusCodes.Status404NotFound,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.404"));

    public static ValidationProblem BadParameters(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: OpenDataWords.Text("Bad parameter"),
        detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.400");

    /// <summary>Enough of a bad value to recognise it, without echoing a megabyte or control characters.</summary>
    public static string Shorten(string? value)
    {
        var clean = new string((value ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(60).ToArray());
        return (value?.Length ?? 0) > 60 ? clean + "…" : clean;
    }
}
