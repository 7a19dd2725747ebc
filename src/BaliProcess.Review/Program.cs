using BaliProcess.Data.Seeding;

// dotnet run --project src/BaliProcess.Review -- report [seed-data folder]
// Prints, for a reviewer, every record that carries an open question or a disagreement, with its sources.
if (args.Length == 0 || args[0] != "report")
{
    Console.Error.WriteLine("usage: BaliProcess.Review report [seed-data folder]");
    return 2;
}

var directory = args.Length > 1 ? args[1] : FindSeedDirectory();
if (directory is null || !Directory.Exists(directory))
{
    Console.Error.WriteLine($"No seed-data folder found{(directory is null ? " above the current folder" : $" at '{directory}'")}.");
    return 1;
}

Console.Write(ReviewReport.Write(directory));
return 0;

static string? FindSeedDirectory()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "seed-data");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}
