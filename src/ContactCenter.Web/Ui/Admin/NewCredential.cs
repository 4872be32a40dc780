namespace ContactCenter.Web.Ui.Admin;

/// <summary>A credential just created: the only moment its secret is known in clear.</summary>
public sealed record NewCredential(string AccountId, string Username, string Secret);
