namespace ContactCenter.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
