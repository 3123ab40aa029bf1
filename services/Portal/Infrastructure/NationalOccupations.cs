using System.Collections.Concurrent;
using JobMatch.Contracts;
using JobMatch.Contracts.Responses.Matching;

namespace Portal.Infrastructure;

/// <summary>A code of 职业分类大典 2022 as the portal names it: Chinese name, JobMatch's English name.</summary>
public sealed record NationalCode(string Code, string Name, string NameEn)
{
    public string NameIn(string lang) => lang == Language.English ? NameEn : Name;

    public static NationalCode Of(NationalOccupationResponse occupation) => new(occupation.Code, occupation.Name, occupation.NameEn);
}

/// <summary>A 大类 and the 中类 under it: the job board's occupation filter, chosen by name.</summary>
public sealed record NationalGroup(NationalCode Major, IReadOnlyList<NationalCode> Middle);

/// <summary>
/// A 细类 as a form takes it (one shared picker, <c>Pages/Shared/_NationalOccupationPicker.cshtml</c>): the code picked
/// from the list, and what was typed to find it (a name, alias, English name or code). Bound from "{prefix}.Code" and
/// "{prefix}.Typed". Empty: the service derives the 细类 from the title or the occupations named.
/// </summary>
public sealed class NationalChoice
{
    public string? Code { get; set; }
    public string? Typed { get; set; }

    /// <summary>The code to send, or null to let the service derive one.</summary>
    public string? Chosen => string.IsNullOrWhiteSpace(Code) ? null : Code.Trim();
}

/// <summary>
/// What the picker shows: the list (the code chosen, or what "find" found for the typed words), whether the taxonomy
/// answered, the field's error, and — with nothing chosen — the 细类 the title (a profile: the occupations sought) would
/// be derived as (Derived) — or, DerivedSaved, the one the service derived and saved, unchanged since.
/// </summary>
public sealed record NationalPickerView(string Prefix, string Legend, NationalChoice Choice, IReadOnlyList<NationalCode> Options, bool? Available,
    string? Error, NationalCode? Derived, string FindAction, bool Editable = true, bool DerivedFromOccupations = false, bool DerivedSaved = false);

/// <summary>
/// The national classification's hierarchy as the taxonomy API lists it (GET /api/matches/taxonomy/national), kept
/// for the life of the process once read: reference data that changes only with a release. A failed read is not kept.
/// </summary>
public static class NationalOccupations
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<NationalCode>> Children = new(StringComparer.Ordinal);

    /// <summary>The codes under a code ("" for the 大类); null when the matching service did not answer.</summary>
    public static async Task<IReadOnlyList<NationalCode>?> UnderAsync(MatchingApi api, string parent)
    {
        if (Children.TryGetValue(parent, out var known)) return known;
        if ((await api.NationalUnderAsync(parent)).Value is not { } children) return null;
        return Children.GetOrAdd(parent, children.Select(NationalCode.Of).ToList());
    }

    /// <summary>
    /// The 细类 a posting or profile read from its service holds as chosen — the form's choice when reopened. A code the
    /// service derived (nationalOccupationSource "derived") is not: sent back, it would become a choice and stop following
    /// the title; the form shows it as derived (<see cref="SavedDerivedIn"/>) and sends none.
    /// </summary>
    public static string? ChosenIn(string? code, NationalOccupationSource? source) =>
        source == NationalOccupationSource.Derived ? null : CodeIn(code);

    /// <summary>The 细类 a read posting or profile holds as derived by the service; null when chosen or none.</summary>
    public static string? SavedDerivedIn(string? code, NationalOccupationSource? source) =>
        source == NationalOccupationSource.Derived ? CodeIn(code) : null;

    private static string? CodeIn(string? code) => code is { Length: > 0 } ? code : null;

    /// <summary>The picker's list after "find": what it already offered, then what the typed words found that it did not.</summary>
    public static IReadOnlyList<NationalCode> WithFound(IReadOnlyList<NationalCode> offered, IEnumerable<NationalCode>? found) =>
        [.. offered, .. (found ?? []).Where(option => offered.All(known => known.Code != option.Code))];

    /// <summary>The 细类 a name, alias, English name or code finds (GET /api/matches/taxonomy/suggest?kind=national); null when the service did not answer.</summary>
    public static async Task<IReadOnlyList<NationalCode>?> FindAsync(MatchingApi api, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        return (await api.FindNationalAsync(typed.Trim())).Value?.Where(found => found.Level == "occupation").Select(NationalCode.Of).ToList();
    }

    /// <summary>A 细类 by its code, named; null for none or when the service did not answer.</summary>
    public static async Task<NationalCode?> NamedAsync(MatchingApi api, string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : (await FindAsync(api, code))?.FirstOrDefault(found => found.Code == code.Trim());

    /// <summary>
    /// The 细类 the service gives a posting with this title (<paramref name="derive"/> "title") or a profile seeking this
    /// occupation ("occupation") when none is chosen (normalize, kind=national&amp;derive=…); null for none or no answer.
    /// </summary>
    public static async Task<NationalCode?> DerivedAsync(MatchingApi api, string? text, string derive)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var first = (await api.DeriveNationalAsync(text.Trim(), derive)).Value?.Occupations.FirstOrDefault(found => found.Level == "occupation");
        return first is null ? null : NationalCode.Of(first);
    }

    /// <summary>
    /// A 细类 named by the public list of its 小类 (so anonymous pages can name it too, and the list is kept); null for a
    /// code that is none or when the service did not answer.
    /// </summary>
    public static async Task<NationalCode?> OccupationAsync(MatchingApi api, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != 10) return null;
        return (await UnderAsync(api, code[..7]))?.FirstOrDefault(found => found.Code == code);
    }

    /// <summary>Every 大类 with its 中类 (nine calls the first time, none after); empty when the service did not answer.</summary>
    public static async Task<IReadOnlyList<NationalGroup>> MajorAndMiddleGroupsAsync(MatchingApi api)
    {
        var majors = await UnderAsync(api, "");
        if (majors is null) return [];
        var groups = new List<NationalGroup>();
        foreach (var major in majors)
        {
            groups.Add(new NationalGroup(major, await UnderAsync(api, major.Code) ?? []));
        }
        return groups;
    }
}
