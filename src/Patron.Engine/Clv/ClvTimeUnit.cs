namespace Patron.Engine.Clv;

/// <summary>The unit of x's companions t_x and T, and of every time the models take or return; the value is its length in days.</summary>
public enum ClvTimeUnit
{
    Day = 1,
    Week = 7,
}
