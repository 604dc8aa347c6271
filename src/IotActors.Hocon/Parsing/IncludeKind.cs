namespace IotActors.Hocon.Parsing;

internal enum IncludeKind
{
    Plain,
    File,
    Classpath,
    Url,
}
