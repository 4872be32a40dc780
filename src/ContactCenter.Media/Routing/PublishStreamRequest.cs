namespace ContactCenter.Media.Routing;

/// <summary>A client's claim that the m-line <paramref name="Mid"/> of its publish offer carries <paramref name="Alias"/>.</summary>
public sealed record PublishStreamRequest(string Mid, string Alias);
