namespace BaliProcess.Web.Components.Shared;

/// <summary>
/// The interface texts used across features: the layout, the error pages, the shared components and the words
/// for the model's values (<see cref="Labels"/>). SharedText.resx holds the English, SharedText.id.resx the
/// Indonesian (docs/decisions/0042, docs/glossary-id.md); each feature folder has its own pair for its pages.
/// </summary>
public sealed class SharedText;
