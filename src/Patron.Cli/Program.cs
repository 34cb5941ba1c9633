namespace Patron.Cli;

static class Program
{
    static int Main()
    {
        Console.Error.WriteLine("patron: no commands yet");
        return 2;
    }
}
