using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Participants;
using BaliProcess.Web.Features.Search;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// The parameters are bound as text (so a bad value reaches ApiQuery and gets a problem naming it); this
/// tells the OpenAPI document what each one really takes: whole numbers with their range, or a fixed set.
/// </summary>
public sealed class ApiParameterSchemas : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var path = "/" + context.Description.RelativePath;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var schema = SchemaFor(path, parameter.Name ?? "");
            if (schema is not null)
            {
                parameter.Schema = schema;
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? SchemaFor(string path, string name)
    {
        var isSearch = path.StartsWith("/api/v1/search", StringComparison.Ordinal);
        var isMeetings = path.StartsWith("/api/v1/meetings", StringComparison.Ordinal);
        return name switch
        {
            "page" => Whole(1, isSearch ? SearchInput.MaxPage : ApiQuery.MaxPage, 1),
            "pageSize" => Whole(1, ApiQuery.MaxPageSize, ApiQuery.DefaultPageSize),
            "from" or "to" or "year" => Whole(1900, 2100, null),
            "sort" => OneOf([ParticipantFilter.SortByName, ParticipantFilter.SortByRegion, ParticipantFilter.SortByKind]),
            "status" => OneOf(Enum.GetNames<ActionItemStatus>()),
            "kind" when isSearch => OneOf([.. Enum.GetValues<MeetingKind>().Select(MeetingKinds.ToSlug)]),
            "kind" when isMeetings => OneOf(Enum.GetNames<MeetingKind>()),
            "kind" => OneOf(Enum.GetNames<ParticipantKind>()),
            "theme" or "group" or "member" when isSearch => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$" },
            _ => null,
        };
    }

    private static OpenApiSchema Whole(int min, int max, int? fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = fallback is { } d ? JsonValue.Create(d) : null,
    };

    private static OpenApiSchema OneOf(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };
}
