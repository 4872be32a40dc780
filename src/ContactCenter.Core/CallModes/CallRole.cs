namespace ContactCenter.Core.CallModes;

public enum CallRole
{
    Customer,
    Agent,
    Supervisor,
}
