namespace Portal.Infrastructure;

/// <summary>
/// Numbered page links (Shared/_PageLinks), plain links that work without JavaScript: the first two, the last two and
/// two either side of the current page, with previous and next.
/// </summary>
public sealed record PageLinksView(int PageNumber, int PageCount, Func<int, string> Link, string Label)
{
    public IEnumerable<int> Shown => Enumerable.Range(1, PageCount).Where(n => n <= 2 || n > PageCount - 2 || Math.Abs(n - PageNumber) <= 2);
}
