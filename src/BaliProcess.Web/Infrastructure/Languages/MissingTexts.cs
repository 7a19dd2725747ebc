using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Infrastructure.Languages;

/// <summary>
/// Every text a page asked for that no resource file holds, with the resource it was asked of. A missing text
/// shows its key (the English words) on an Indonesian page; it is logged once, and the tests read this list
/// after walking every page in both languages.
/// </summary>
public sealed class MissingTexts(ILogger<MissingTexts> logger)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => [.. _seen.Keys.Order(StringComparer.Ordinal)];

    public void Add(string resource, string key)
    {
        if (_seen.TryAdd($"{resource}: {key}", 0))
        {
            logger.LogWarning("No text in {Resource} for {Key}", resource, key);
        }
    }
}

/// <summary>The framework's .resx localizers, each reporting a key it cannot find to <see cref="MissingTexts"/>.</summary>
internal sealed class TrackedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner, MissingTexts missing) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Tracked(inner.Create(resourceSource), resourceSource.Name, missing);

    public IStringLocalizer Create(string baseName, string location) => new Tracked(inner.Create(baseName, location), baseName, missing);

    private sealed class Tracked(IStringLocalizer inner, string resource, MissingTexts missing) : IStringLocalizer
    {
        public LocalizedString this[string name] => Report(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Report(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Report(LocalizedString text)
        {
            if (text.ResourceNotFound)
            {
                missing.Add(resource, text.Name);
            }

            return text;
        }
    }
}
