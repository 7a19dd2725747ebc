using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>
/// Describes an operation's query parameters in the OpenAPI document from the records it takes
/// (<see cref="IApiParameters{TSelf}"/>): the same declaration <see cref="ApiParameterBinder"/> reads, so
/// the document says exactly what the API accepts: whole numbers with their range, a fixed set of values,
/// a slug's pattern, a day's format, the default.
/// </summary>
public sealed class ApiParameterSchemas : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var record in context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiParametersMetadata>())
        {
            foreach (var parameter in ApiParameterDeclaration.Of(record.ParametersType).Parameters)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Description = parameter.Description,
                    Schema = SchemaOf(parameter),
                });
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaOf(ApiParameter parameter)
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.String };
        if (parameter.ValueType == typeof(int))
        {
            schema.Type = JsonSchemaType.Integer;
            if (parameter.Range is not null)
            {
                schema.Minimum = parameter.Minimum.ToString(CultureInfo.InvariantCulture);
                schema.Maximum = parameter.Maximum.ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (parameter.ValueType.IsEnum)
        {
            schema.Enum = [.. Enum.GetNames(parameter.ValueType).Select(n => (JsonNode)JsonValue.Create(n))];
        }
        else if (parameter.ValueType == typeof(DateOnly))
        {
            schema.Format = "date";
        }

        if (parameter.AllowedValues is { } allowed)
        {
            schema.Enum = [.. allowed.Values.Select(v => Node(parameter, v))];
        }

        if (parameter.Checks.OfType<RegularExpressionAttribute>().FirstOrDefault() is { } pattern)
        {
            schema.Pattern = pattern.Pattern;
        }

        schema.Default = parameter.Default is null ? null : Node(parameter, parameter.Default);
        return schema;
    }

    private static JsonValue Node(ApiParameter parameter, object? value) => value switch
    {
        Enum name => JsonValue.Create(name.ToString()),
        int number => JsonValue.Create(number),
        string text => JsonValue.Create(text),
        _ => throw new InvalidOperationException($"{parameter.Name}: the value {value} cannot be described."),
    };
}
