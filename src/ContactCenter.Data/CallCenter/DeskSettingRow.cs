namespace ContactCenter.Data.CallCenter;

/// <summary>One setting the admin changes in the page (table DeskSettings), as text.</summary>
internal sealed class DeskSettingRow
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
