namespace Atlas.Render.Templates;

/// <summary>A template that does not parse or fails while rendering; the message names the template file and line.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
