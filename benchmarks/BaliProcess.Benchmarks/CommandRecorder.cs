using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BaliProcess.Benchmarks;

/// <summary>
/// Records the SQL statements (text and parameter values) EF Core sends during one search, so that the
/// benchmark can run exactly the same statements directly through Npgsql and compare.
/// </summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    private List<RecordedCommand>? recording;

    public void Start() => recording = [];

    public IReadOnlyList<RecordedCommand> Stop()
    {
        var result = recording ?? [];
        recording = null;
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) =>
        recording?.Add(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
}

internal sealed record RecordedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);
