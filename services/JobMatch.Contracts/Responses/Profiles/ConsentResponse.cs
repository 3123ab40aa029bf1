namespace JobMatch.Contracts.Responses.Profiles;

public sealed record ConsentResponse(string Purpose, bool Granted, DateTime ChangedAt);
