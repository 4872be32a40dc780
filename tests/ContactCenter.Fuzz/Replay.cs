namespace ContactCenter.Fuzz;

/// <summary>
/// Runs saved inputs (a crash afl found, or the seed corpus) through a harness outside afl. With
/// <c>requireAccepted</c> (the seed check) an input the parser refuses also fails.
/// </summary>
internal static class Replay
{
    public static int Run(FuzzHarness harness, IEnumerable<string> paths, bool requireAccepted)
    {
        int crashes = 0;
        int refused = 0;
        int count = 0;
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)).Order()
                : (IEnumerable<string>)[path];
            foreach (var file in files)
            {
                count++;
                try
                {
                    if (!harness(File.ReadAllBytes(file)))
                    {
                        refused++;
                        if (requireAccepted)
                        {
                            Console.WriteLine($"REFUSED {file}");
                        }
                    }
                }
                catch (Exception ex)
                {
                    crashes++;
                    Console.WriteLine($"CRASH {file}: {ex}");
                }
            }
        }

        Console.WriteLine($"{count} inputs, {crashes} crashed, {refused} refused");
        return crashes == 0 && (!requireAccepted || (refused == 0 && count > 0)) ? 0 : 1;
    }
}
