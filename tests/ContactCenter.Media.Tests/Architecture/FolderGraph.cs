using System.Reflection;
using System.Reflection.Emit;

namespace ContactCenter.Media.Tests.Architecture;

/// <summary>
/// Which folders (namespaces under ContactCenter.Media) of an assembly use which others, read from the compiled
/// assembly: base types, interfaces, fields, properties, signatures, locals and every type, method and field
/// token in the method bodies' IL. A fully qualified name in the source shows up as surely as a using directive.
/// </summary>
internal static class FolderGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] s_oneByte = new OpCode[256];
    private static readonly OpCode[] s_twoByte = new OpCode[256];

    static FolderGraph()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            ushort value = (ushort)code.Value;
            if (value < 0x100)
            {
                s_oneByte[value] = code;
            }
            else if ((value & 0xFF00) == 0xFE00)
            {
                s_twoByte[value & 0xFF] = code;
            }
        }
    }

    /// <summary>Folder → the other folders its types use.</summary>
    public static Dictionary<string, HashSet<string>> Build(Assembly assembly, string rootNamespace)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type, rootNamespace) is not { } folder)
            {
                continue;
            }

            if (!graph.TryGetValue(folder, out var uses))
            {
                uses = new HashSet<string>(StringComparer.Ordinal);
                graph[folder] = uses;
            }

            foreach (var used in UsedTypes(type))
            {
                if (used.Assembly == assembly && FolderOf(used, rootNamespace) is { } other && other != folder)
                {
                    uses.Add(other);
                }
            }
        }

        return graph;
    }

    /// <summary>A loop of folders (first folder repeated at the end), or null when the graph has none.</summary>
    public static List<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string folder)
        {
            if (state.GetValueOrDefault(folder) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(folder) == 1)
            {
                return [.. path.Skip(path.IndexOf(folder)), folder];
            }

            state[folder] = 1;
            path.Add(folder);
            if (graph.TryGetValue(folder, out var uses))
            {
                foreach (var next in uses.Order(StringComparer.Ordinal))
                {
                    if (Visit(next) is { } cycle)
                    {
                        return cycle;
                    }
                }
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return null;
        }
    }

    private static string? FolderOf(Type type, string rootNamespace)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns.Substring(rootNamespace.Length + 1);
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest.Substring(0, dot);
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            Add(found, implemented);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(found, property.PropertyType);
        }

        foreach (var @event in type.GetEvents(Everything))
        {
            Add(found, @event.EventHandlerType);
        }

        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods)
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            AddBody(found, type, method);
        }

        return found;
    }

    private static void AddBody(HashSet<Type> found, Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(found, local.LocalType);
        }

        byte[] il = body.GetILAsByteArray() ?? [];
        var typeArguments = type.IsGenericTypeDefinition ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : null;
        int at = 0;
        while (at < il.Length)
        {
            OpCode code = il[at] == 0xFE ? s_twoByte[il[++at]] : s_oneByte[il[at]];
            at++;
            int operand = OperandSize(code.OperandType, il, at);
            if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                int token = BitConverter.ToInt32(il, at);
                AddMember(found, method.Module, token, typeArguments, methodArguments);
            }

            at += operand;
        }
    }

    private static void AddMember(HashSet<Type> found, Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments)!;
        }
        catch (ArgumentException)
        {
            return; // a token of another module's generic context; its declaring type is seen elsewhere
        }

        switch (member)
        {
            case Type used:
                Add(found, used);
                break;
            case MethodBase called:
                Add(found, called.DeclaringType);
                if (called is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        Add(found, argument);
                    }
                }

                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
        }
    }

    private static int OperandSize(OperandType operandType, byte[] il, int at) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static void Add(HashSet<Type> found, Type? type)
    {
        while (type is not null && (type.HasElementType || type.IsByRef || type.IsPointer))
        {
            type = type.GetElementType();
        }

        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Add(found, type.GetGenericTypeDefinition());
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
        }
    }
}
