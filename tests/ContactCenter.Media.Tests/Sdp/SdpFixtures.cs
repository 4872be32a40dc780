namespace ContactCenter.Media.Tests.Sdp;

/// <summary>SDP captured from real browsers, read from the source tree (no copy step in the test project).</summary>
internal static class SdpFixtures
{
    /// <summary>The offer Chromium 156 made in the e2e echo run: audio + video, sendrecv, BUNDLE.</summary>
    public static string ChromiumOffer => Read("chromium156-offer.sdp");

    private static string Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "ContactCenter.Media.Tests", "Sdp", "Fixtures", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("SDP fixture not found.", name);
    }
}
