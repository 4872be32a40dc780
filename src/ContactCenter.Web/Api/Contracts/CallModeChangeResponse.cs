namespace ContactCenter.Web.Api.Contracts;

public sealed record CallModeChangeResponse(string? From, string To, string Actor, DateTimeOffset At);
