using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class ProcessSampleTests
{
    [Fact]
    public void Parse_StatWithSpacesInName_ReadsUtimePlusStimeAndRss()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        const string stat = "4242 (dotnet (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0";
        string[] status = ["Name:\tdotnet", "VmRSS:\t  204800 kB", "Threads:\t30"];

        var sample = ProcessSample.Parse(stat, status);

        Assert.NotNull(sample);
        Assert.Equal(3.0, sample.Value.CpuSeconds, 6);
        Assert.Equal(200.0, sample.Value.RssMegabytes, 6);
    }

    [Fact]
    public void Parse_Truncated_ReturnsNull() => Assert.Null(ProcessSample.Parse("12 (x) S 1 2", []));
}
