using Microsoft.ML;
using Microsoft.ML.Data;

namespace Matching.Ranking;

/// <summary>
/// A candidate set as an <see cref="IDataView"/> with one column, <c>Features</c> (a vector of <c>columns</c> floats per
/// row), read straight from the caller's row-major array: the whole set goes through the model's <c>Transform</c> as one
/// batch, with no object per row. Cursors are independent, so concurrent scorings do not share state.
/// </summary>
internal sealed class DenseRows : IDataView
{
    public const string FeaturesColumn = "Features";
    private readonly float[] _features;
    private readonly int _columns;
    private readonly long _rows;

    public DenseRows(float[] features, int rows, int columns)
    {
        _features = features;
        _columns = columns;
        _rows = rows;
        Schema = SchemaOf(columns);
    }

    public static DataViewSchema SchemaOf(int columns)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, columns));
        return builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(DenseRows data) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => data.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index == 0;

        public override bool MoveNext() => ++_position < data._rows;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != 0 || typeof(TValue) != typeof(VBuffer<float>))
                throw new InvalidOperationException($"DenseRows has one column, {FeaturesColumn}, of float vectors.");
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, data._columns);
                data._features.AsSpan((int)_position * data._columns, data._columns).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)getter;
        }
    }
}
