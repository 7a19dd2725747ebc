using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BaliProcess.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BaliProcessDbContext>
{
    public BaliProcessDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__BaliProcess")
            ?? "Host=localhost;Database=baliprocess;Username=baliprocess;Password=baliprocess";
        var options = new DbContextOptionsBuilder<BaliProcessDbContext>();
        BaliProcessDbContext.Configure(options, connectionString);
        return new BaliProcessDbContext(options.Options);
    }
}
