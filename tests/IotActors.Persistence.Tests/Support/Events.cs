using System.Text;

namespace IotActors.Persistence.Tests.Support;

internal static class Events
{
    public static PersistentRepr Event(string pid, long seq, params string[] tags) =>
        new(pid, seq, "test.v1", Encoding.UTF8.GetBytes($"{pid}:{seq}")) { Tags = tags };

    public static AtomicWrite Write(string pid, long seq, params string[] tags) => new(Event(pid, seq, tags));

    public static AtomicWrite Range(string pid, long from, long to) =>
        new([.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => Event(pid, s))]);

    public static string Text(PersistentRepr e) => Encoding.UTF8.GetString(e.Payload);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
