namespace ContactCenter.Web.Bandwidth;

/// <summary>One sending m-line of an SDK publish offer: its mid, kind ("audio"/"video") and the msid stream it carries.</summary>
public sealed record PublishedMsid(string Mid, string Kind, string Msid);
