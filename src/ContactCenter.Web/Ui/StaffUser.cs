namespace ContactCenter.Web.Ui;

/// <summary>A staff user as the admin and the supervisor's roster see it.</summary>
public sealed record StaffUser(string Id, string Email, string Name, IReadOnlyList<string> Roles, bool Disabled);
