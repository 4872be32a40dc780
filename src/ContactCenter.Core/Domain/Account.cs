namespace ContactCenter.Core.Domain;

/// <summary>A tenant of the REST API. Every session and participant belongs to exactly one account.</summary>
public sealed class Account
{
    public Account(string id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
