namespace JobMatch.Contracts;

/// <summary>
/// Work item of a targeted campaign: match the campaign's seekers whose slice (a hash of their id modulo
/// <paramref name="Items"/>) is <paramref name="Item"/>. Matching instances compete for these, so several share a large campaign.
/// </summary>
public sealed record RunCampaignSlice(Guid CampaignId, int Item, int Items);
