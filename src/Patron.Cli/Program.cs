Console.Error.WriteLine("patron: no commands yet");
return 2;
