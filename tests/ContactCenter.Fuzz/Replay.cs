namespace ContactCenter.Fuzz;

/// <summary>Runs saved inputs (a crash afl found, or the seed corpus) through a harness outside afl.</summary>
internal static class Replay
{
    public static int Run(FuzzHarness harness, IEnumerable<string> paths)
    {
        int crashes = 0;
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
                    harness(File.ReadAllBytes(file));
                }
                catch (Exception ex)
                {
                    crashes++;
                    Console.WriteLine($"CRASH {file}: {ex}");
                }
            }
        }

        Console.WriteLine($"{count} inputs, {crashes} crashed");
        return crashes == 0 ? 0 : 1;
    }
}
