using JobMatch.Contracts;

namespace Matching.Taxonomy;

/// <summary>A 细类 as a posting or profile stores it, and whether the person chose it or the service derived it.</summary>
public readonly record struct NationalOccupationChoice(string? Code, NationalOccupationSource? Source)
{
    /// <summary>
    /// What a write stores. A code given is the person's choice — unless the request marks it derived (a client sending
    /// back the answer it read, code and source alike), when it is derived afresh like a missing one, from the occupations
    /// named, else the title (<see cref="SkillTaxonomy.NationalCodeFor"/>). Source is null only when no code results.
    /// </summary>
    public static NationalOccupationChoice For(SkillTaxonomy taxonomy, string? given, NationalOccupationSource? givenSource,
        IEnumerable<string?> occupationsNamed, string? title)
    {
        if (!string.IsNullOrWhiteSpace(given) && givenSource != NationalOccupationSource.Derived)
            return new(taxonomy.NationalCodeFor(given, [], null), NationalOccupationSource.Chosen);
        var derived = taxonomy.NationalCodeFor(null, occupationsNamed, title);
        return new(derived, derived is null ? null : NationalOccupationSource.Derived);
    }

    /// <summary>
    /// The source of a stored code. Rows written before the source was stored (postings' migration 020, profiles' 010)
    /// hold none: their code is read as derived when it is the one the stored title or occupations derive today —
    /// deriving it again changes nothing — and as chosen otherwise, so a code someone picked is never replaced unasked.
    /// </summary>
    public static NationalOccupationSource? SourceOf(SkillTaxonomy taxonomy, string? code, NationalOccupationSource? stored,
        IEnumerable<string?> occupationsNamed, string? title) =>
        code is null ? null
        : stored ?? (taxonomy.NationalCodeFor(null, occupationsNamed, title) == code ? NationalOccupationSource.Derived : NationalOccupationSource.Chosen);
}
