using System.Collections.Concurrent;

namespace Portal.Infrastructure;

/// <summary>A code of 职业分类大典 2022 as the portal names it: Chinese name, JobMatch's English name.</summary>
public sealed record NationalCode(string Code, string Name, string NameEn)
{
    public string NameIn(string lang) => lang == Language.English ? NameEn : Name;
}

/// <summary>A 大类 and the 中类 under it: the job board's occupation filter, chosen by name.</summary>
public sealed record NationalGroup(NationalCode Major, IReadOnlyList<NationalCode> Middle);

/// <summary>
/// The national classification's hierarchy as the taxonomy API lists it (GET /api/matches/taxonomy/national), kept
/// for the life of the process once read: reference data that changes only with a release. A failed read is not kept.
/// </summary>
public static class NationalOccupations
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<NationalCode>> Children = new(StringComparer.Ordinal);

    /// <summary>The codes under a code ("" for the 大类); null when the matching service did not answer.</summary>
    public static async Task<IReadOnlyList<NationalCode>?> UnderAsync(GatewayClient api, string parent)
    {
        if (Children.TryGetValue(parent, out var known)) return known;
        var result = await api.GetAsync("api/matches/taxonomy/national" + (parent.Length == 0 ? "" : "?parent=" + Uri.EscapeDataString(parent)));
        if (!result.Ok) return null;
        var codes = result.Array.Select(item => new NationalCode(item.Str("code"), item.Str("name"), item.Str("nameEn"))).ToList();
        return Children.GetOrAdd(parent, codes);
    }

    /// <summary>Every 大类 with its 中类 (nine calls the first time, none after); empty when the service did not answer.</summary>
    public static async Task<IReadOnlyList<NationalGroup>> MajorAndMiddleGroupsAsync(GatewayClient api)
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
