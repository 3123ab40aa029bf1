namespace Matching.Taxonomy.Tests;

/// <summary>One load for the whole test run (about half a second); tests only read it.</summary>
internal static class Taxonomy
{
    public static SkillTaxonomy Shared => SkillTaxonomy.Shared;

    public static Concept ByUri(string uri) =>
        Shared.Find(uri) ?? throw new InvalidOperationException($"{uri} is not in the taxonomy");
}
