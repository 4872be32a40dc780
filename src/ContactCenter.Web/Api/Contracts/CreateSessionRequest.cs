namespace ContactCenter.Web.Api.Contracts;

public sealed record CreateSessionRequest(string? Tag = null);
