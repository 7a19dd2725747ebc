namespace BaliProcess.Data.Seeding;

/// <summary>
/// The seed data cannot be loaded. Every problem found is listed, each naming the file and the place in
/// it; nothing has been written.
/// </summary>
public sealed class SeedDataException : Exception
{
    public SeedDataException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    public SeedDataException()
        : this([])
    {
    }

    public SeedDataException(string message)
        : this([message])
    {
    }

    public SeedDataException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 0
            ? "The seed data is invalid."
            : $"The seed data has {problems.Count} problem(s); nothing was loaded:{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems.Take(50))
              + (problems.Count > 50 ? $"{Environment.NewLine}... and {problems.Count - 50} more" : string.Empty);
}
