namespace BaliProcess.Data.Model;

/// <summary>
/// The UN M49 geographic sub-regions (United Nations Statistics Division, "Standard country or area codes for
/// statistical use"), the public standard the portal's own <see cref="Participant.Region"/> grouping follows. No
/// source document places a participant in a region (004 only says membership "traverses the Middle East, South
/// Asia, Southeast Asia, East Asia, the Pacific and North America"), so the grouping is the portal's and is shown
/// as such (decision 0025).
/// </summary>
public static class M49Regions
{
    public static readonly IReadOnlySet<string> SubRegions = new HashSet<string>(StringComparer.Ordinal)
    {
        "Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa",
        "Caribbean", "Central America", "South America", "Northern America",
        "Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia",
        "Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe",
        "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia",
    };
}
