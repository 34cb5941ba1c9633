using Patron.Engine.Segments;

namespace Patron.Engine.Features;

/// <summary>The arrays themselves, and growing them. Missing numbers are NaN, missing codes −1, missing days <see cref="DateColumn.Missing"/>.</summary>
public sealed partial class FeatureStore
{
    Guid[] ids = [];
    double[] frequency = [], monetary = [], lifetimeSpend = [], lineTotal = [], aov = [], recency = [], tenure = [], meanGap = [], medianGap = [];
    double[] rfmR = [], rfmF = [], rfmM = [];
    int[] firstDay = [], lastDay = [], birthday = [], signedUp = [];
    int[] gender = [], province = [], city = [], occupation = [], ageBand = [], favouriteStore = [], topCategory = [];
    int[] rfmSegment = [], lifecycleState = [], lifecycleStage = [], frequencyTier = [], spendTier = [];
    int[][] days = [], storeCounts = [];
    // Net amount per distinct purchase day, parallel to days; only kept when monetary has a window.
    long[][]? dayAmounts;
    ulong[][] tagWords = [];

    readonly Codes genders = new(), provinces = new(), cities = new(), occupations = new(), stores = new(), tags = new();
    readonly Codes categories = new(), channels = new();
    readonly List<double[]> categorySpend = [], categoryShare = [], categoryOrders = [], channelOrders = [], channelShare = [];
    readonly List<int[]> categoryLast = [];

    void Allocate(int size)
    {
        Resize(ref ids, size, Guid.Empty);
        Resize(ref frequency, size, 0); Resize(ref monetary, size, 0); Resize(ref lifetimeSpend, size, 0); Resize(ref lineTotal, size, 0);
        Resize(ref aov, size, double.NaN); Resize(ref recency, size, double.NaN); Resize(ref tenure, size, double.NaN);
        Resize(ref meanGap, size, double.NaN); Resize(ref medianGap, size, double.NaN);
        Resize(ref rfmR, size, double.NaN); Resize(ref rfmF, size, double.NaN); Resize(ref rfmM, size, double.NaN);
        Resize(ref firstDay, size, DateColumn.Missing); Resize(ref lastDay, size, DateColumn.Missing);
        Resize(ref birthday, size, DateColumn.Missing); Resize(ref signedUp, size, DateColumn.Missing);
        Resize(ref gender, size, -1); Resize(ref province, size, -1); Resize(ref city, size, -1); Resize(ref occupation, size, -1);
        Resize(ref ageBand, size, -1); Resize(ref favouriteStore, size, -1); Resize(ref topCategory, size, -1);
        Resize(ref rfmSegment, size, -1); Resize(ref lifecycleState, size, -1); Resize(ref lifecycleStage, size, -1);
        Resize(ref frequencyTier, size, -1); Resize(ref spendTier, size, -1);
        Resize(ref days, size, []); Resize(ref storeCounts, size, []);
        if (monetaryWindow is not null) { dayAmounts ??= []; Resize(ref dayAmounts, size, []); }
        for (var t = 0; t < tagWords.Length; t++) Array.Resize(ref tagWords[t], Words(size));
        ResizeAll(categorySpend, size, 0); ResizeAll(categoryShare, size, double.NaN); ResizeAll(categoryOrders, size, 0);
        ResizeAll(channelOrders, size, 0); ResizeAll(channelShare, size, double.NaN);
        for (var c = 0; c < categoryLast.Count; c++) { var a = categoryLast[c]; Resize(ref a, size, DateColumn.Missing); categoryLast[c] = a; }
        AllocatePredictions(size);
    }

    void Grow()
    {
        capacity *= 2;
        Allocate(capacity);
        Version++;
    }

    static int Words(int size) => (size + 63) >> 6;

    static void Resize<T>(ref T[] array, int size, T missing)
    {
        var old = array.Length;
        Array.Resize(ref array, size);
        if (!EqualityComparer<T>.Default.Equals(missing, default)) Array.Fill(array, missing, old, size - old);
    }

    static void ResizeAll(List<double[]> arrays, int size, double missing)
    {
        for (var k = 0; k < arrays.Count; k++) { var a = arrays[k]; Resize(ref a, size, missing); arrays[k] = a; }
    }

    double[] NewArray(double missing)
    {
        var a = new double[capacity];
        if (missing != 0) Array.Fill(a, missing);
        return a;
    }
}
