using ContactCenter.Core.Domain;

namespace ContactCenter.Web.Api.Contracts;

public sealed record SessionResponse(string Id, string? Tag)
{
    public static SessionResponse From(Session session) => new(session.Id, session.Tag);
}
