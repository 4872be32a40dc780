namespace ContactCenter.Web.Api;

/// <summary>The body of every 4xx/5xx answer of the REST API (Bandwidth's error shape).</summary>
public sealed record ApiError(string Error, string RequestId);
