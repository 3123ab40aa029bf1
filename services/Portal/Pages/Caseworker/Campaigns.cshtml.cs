using JobMatch.Contracts;
using JobMatch.Contracts.Responses.Matching;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure;

namespace Portal.Pages.Caseworker;

/// <summary>Targeted campaigns: pick a key group, regions and occupations; run; then follow one (see Campaign).</summary>
public sealed class CampaignsModel : PortalPage
{
    public static IReadOnlyList<string> KeyGroups => SeekerKeyGroups.All;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? KeyGroup { get; set; }
    [BindProperty] public List<string> RegionCodes { get; set; } = [];
    [BindProperty] public string? Occupations { get; set; }
    /// <summary>Only the group's seekers not in a job (a hire not followed by leaving it).</summary>
    [BindProperty] public bool UnplacedOnly { get; set; }

    public ApiResult<IReadOnlyList<CampaignResponse>>? Campaigns { get; private set; }

    public async Task OnGetAsync()
    {
        Campaigns = await MatchingApi.CampaignsAsync();
        if (RegionCodes.Count == 0) RegionCodes = [.. User.FindAll(PortalClaims.Region).Select(c => c.Value)];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await MatchingApi.StartCampaignAsync(new
        {
            name = Name,
            keyGroup = KeyGroup,
            regionCodes = RegionCodes.Distinct().ToArray(),
            occupations = Split(Occupations),
            unplacedOnly = UnplacedOnly,
        });
        if (result.Value is { } started)
        {
            Notice = T["campaign.started"];
            return Redirect($"/Caseworker/Campaign?id={started.Id}");
        }
        return await AfterAsync(result, "campaign.started", OnGetAsync);
    }

    /// <summary>The divisions the caseworker may run a campaign in: each region they serve and, under a league, its counties.</summary>
    public IReadOnlyList<(string Code, string Name, bool League)> Choices => User.FindAll(PortalClaims.Region).Select(c => c.Value)
        .SelectMany(region => new[] { (region, true) }.Concat(JobMatch.Domain.Regions.InnerMongoliaRegions.CountiesOf(region).Select(county => (county.Code, false))))
        .DistinctBy(choice => choice.Item1).Select(choice => (choice.Item1, PlacesEndpoint.NameOf(choice.Item1, T.Lang), choice.Item2)).ToList();

    private static string[] Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
