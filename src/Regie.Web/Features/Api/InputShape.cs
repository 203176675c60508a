using Regie.Domain.Common;
using Regie.Web.Features.Shared;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Regie.Web.Features.Api;

/// <summary>
/// Refuses a bound API body whose shape breaks its declared nullability before any handler runs:
/// <c>"kaders": null</c>, <c>"leden": [null]</c>, a missing object. The input classes' own annotations
/// (<c>List&lt;T&gt;</c> versus <c>string?</c>) are the contract, so a new input class is covered without code.
/// Answers 400 with code <see cref="ErrorCodes.RequestInvalid"/> per field, in the JSON path of the body.
/// </summary>
public static class InputShape
{
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, NullabilityInfo Info)[]> Shapes = new();
    private static readonly Assembly Ours = typeof(InputShape).Assembly;

    public static RouteGroupBuilder RefuseMalformedInput(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            // The bodies are the endpoint's parameters of our own classes that are not services (handlers are injected).
            var services = factory.ApplicationServices.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
            var bodies = factory.MethodInfo.GetParameters()
                .Where(p => IsInput(p.ParameterType) && !services.IsService(p.ParameterType))
                .Select(p => p.Position).ToArray();
            if (bodies.Length == 0) return next;
            return async ctx =>
            {
                var errors = new List<DomainError>();
                foreach (var position in bodies)
                    if (position < ctx.Arguments.Count && ctx.Arguments[position] is { } argument)
                        Check(argument, "", errors, depth: 0);
                return errors.Count > 0
                    ? ApiResults.Problem(StatusCodes.Status400BadRequest, "Het verzoek is onleesbaar.", errors)
                    : await next(ctx);
            };
        });
        return group;
    }

    /// <summary>The problems of one input graph; empty when its shape is whole.</summary>
    public static IReadOnlyList<DomainError> Problems(object input)
    {
        var errors = new List<DomainError>();
        Check(input, "", errors, 0);
        return errors;
    }

    private static bool IsInput(Type type) => type.Assembly == Ours && type.IsClass && !typeof(Delegate).IsAssignableFrom(type);

    private static void Check(object value, string path, List<DomainError> errors, int depth)
    {
        if (depth > 16) return;
        foreach (var (property, info) in Shapes.GetOrAdd(value.GetType(), ShapeOf))
        {
            var field = Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var child = property.GetValue(value);
            if (child is null)
            {
                if (info.ReadState == NullabilityState.NotNull && !property.PropertyType.IsValueType)
                    errors.Add(Missing(field));
                continue;
            }
            CheckValue(child, info, field, errors, depth);
        }
    }

    private static void CheckValue(object value, NullabilityInfo info, string field, List<DomainError> errors, int depth)
    {
        if (value is string) return;
        if (value is IDictionary dictionary)
        {
            var valueInfo = info.GenericTypeArguments.Length == 2 ? info.GenericTypeArguments[1] : null;
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = Join(field, JsonNamingPolicy.CamelCase.ConvertName(entry.Key.ToString() ?? ""));
                if (entry.Value is null)
                {
                    if (valueInfo is { ReadState: NullabilityState.NotNull } && !valueInfo.Type.IsValueType) errors.Add(Missing(key));
                }
                else if (valueInfo is not null) CheckValue(entry.Value, valueInfo, key, errors, depth + 1);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            var elementInfo = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
            var i = 0;
            foreach (var item in items)
            {
                var at = $"{field}[{i++}]";
                if (item is null)
                {
                    if (elementInfo is { ReadState: NullabilityState.NotNull } && !elementInfo.Type.IsValueType) errors.Add(Missing(at));
                }
                else if (elementInfo is not null) CheckValue(item, elementInfo, at, errors, depth + 1);
            }
            return;
        }
        if (IsInput(value.GetType())) Check(value, field, errors, depth + 1);
    }

    private static (PropertyInfo, NullabilityInfo)[] ShapeOf(Type type)
    {
        // NullabilityInfoContext is not thread-safe; shapes are made once per type.
        lock (Nullability)
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
                .Select(p => (p, Nullability.Create(p)))
                .ToArray();
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static DomainError Missing(string field) =>
        new(ErrorCodes.RequestInvalid, field, $"Het veld '{field}' ontbreekt of is leeg (null), maar is verplicht.");
}
