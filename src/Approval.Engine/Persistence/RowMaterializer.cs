using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approval.Engine.Persistence;

/// <summary>
/// Reads rows of one entity type from a data reader the way EF Core's own materializer does: the same columns, the
/// same data-reader methods and the same value converters, taken from the model, so it never drifts from the mapping;
/// and copies entities of the type as EF Core snapshots them.
/// </summary>
/// <remarks>
/// It exists for <see cref="AggregateLoader"/>, which reads a whole aggregate in one round trip — something LINQ
/// queries cannot do (each is its own round trip). Entities read here are attached to the context afterwards, so
/// change tracking and optimistic concurrency work as for any tracked query.
/// </remarks>
public sealed class RowMaterializer<T> where T : class, new()
{
    private static readonly ConcurrentDictionary<IModel, RowMaterializer<T>> ByModel = new();
    private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;

    private readonly Func<DbDataReader, T> _read;
    private readonly Func<T, T> _copy;
    private readonly ISqlGenerationHelper _sql;

    private RowMaterializer(IEntityType entityType, ISqlGenerationHelper sql)
    {
        EntityType = entityType;
        _sql = sql;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => !p.IsShadowProperty()).ToArray();
        if (properties.Length != entityType.GetProperties().Count())
            throw new NotSupportedException($"{typeof(T).Name} has shadow properties, which rows read here could not set.");
        Table = sql.DelimitIdentifier(table.Name, table.Schema);
        Columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        _read = Compile(properties);
        _copy = CompileCopy(properties);
    }

    public IEntityType EntityType { get; }

    /// <summary>The delimited table name, e.g. <c>"tasks"</c>.</summary>
    public string Table { get; }

    /// <summary>Every mapped column, delimited and in the order <see cref="Read"/> expects them.</summary>
    public string Columns { get; }

    public static RowMaterializer<T> For(DbContext db)
    {
        var model = db.Model;
        return ByModel.GetOrAdd(model, m => new RowMaterializer<T>(
            m.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."),
            db.GetService<ISqlGenerationHelper>()));
    }

    /// <summary>The delimited column of a property, for WHERE clauses.</summary>
    public string Column(string property) =>
        _sql.DelimitIdentifier(EntityType.FindProperty(property)!.GetColumnName());

    /// <summary>Reads the current row (its columns in <see cref="Columns"/> order).</summary>
    public T Read(DbDataReader reader) => _read(reader);

    /// <summary>Reads every row of the current result set.</summary>
    public async Task<List<T>> ReadAllAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(_read(reader));
        return rows;
    }

    /// <summary>
    /// A new entity with the mapped properties of <paramref name="source"/>, each copied by its value comparer's
    /// snapshot (a list stored as JSON is a new list), so that changing the copy never changes the source.
    /// </summary>
    public T Copy(T source) => _copy(source);

    private static Func<T, T> CompileCopy(IProperty[] properties)
    {
        var source = Expression.Parameter(typeof(T), "source");
        var bindings = properties.Select(property =>
        {
            var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo!;
            var value = Expression.MakeMemberAccess(source, member);
            // Values and strings cannot be changed in place; anything else (lists) is copied as the change tracker does.
            Expression snapshot = value.Type.IsValueType || value.Type == typeof(string)
                ? value
                : property.GetValueComparer().ExtractSnapshotBody(value);
            if (snapshot.Type != value.Type) snapshot = Expression.Convert(snapshot, value.Type);
            return (MemberBinding)Expression.Bind(member, snapshot);
        });
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), source).Compile();
    }

    private static Func<DbDataReader, T> Compile(IProperty[] properties)
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var entity = Expression.Variable(typeof(T), "entity");
        var body = new List<Expression> { Expression.Assign(entity, Expression.New(typeof(T))) };
        for (var ordinal = 0; ordinal < properties.Length; ordinal++)
        {
            var property = properties[ordinal];
            var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
                ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no CLR member.");
            var target = Expression.MakeMemberAccess(entity, member);
            var value = ValueOf(property, reader, ordinal, target.Type);
            body.Add(Expression.Assign(target, value));
        }
        body.Add(entity);
        return Expression.Lambda<Func<DbDataReader, T>>(Expression.Block([entity], body), reader).Compile();
    }

    /// <summary>reader.GetX(ordinal), customised and converted as the property's type mapping says; null-checked where nullable.</summary>
    private static Expression ValueOf(IProperty property, ParameterExpression reader, int ordinal, Type targetType)
    {
        var mapping = property.GetRelationalTypeMapping();
        var index = Expression.Constant(ordinal);
        Expression value = Expression.Call(reader, mapping.GetDataReaderMethod(), index);
        value = mapping.CustomizeDataReaderExpression(value);
        if (mapping.Converter is { } converter)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            if (value.Type != fromProvider.Parameters[0].Type) value = Expression.Convert(value, fromProvider.Parameters[0].Type);
            value = Expression.Invoke(fromProvider, value);
        }
        if (value.Type != targetType) value = Expression.Convert(value, targetType);
        return property.IsNullable
            ? Expression.Condition(Expression.Call(reader, IsDbNull, index), Expression.Default(targetType), value)
            : value;
    }
}
