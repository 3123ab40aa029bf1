namespace JobMatch.Contracts.Responses.Postings;

/// <summary>
/// Size bands of enterprises as the statistics bureau classes them (大型、中型、小型、微型, 统计上大中小微型企业划分办法 2017),
/// by employees: the employer picks its band; staff can see the figures behind it on the licence.
/// </summary>
public enum OrganisationSize
{
    Micro,
    Small,
    Medium,
    Large,
}
