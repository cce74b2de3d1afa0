namespace Atlas.Render.Templates;

/// <summary>
/// A page template to render where the layout writes it (<c>{{ content }}</c>), with the same globals: the page body
/// streams into the layout's output instead of being rendered to a string first (theme pages run to megabytes at scale).
/// </summary>
public sealed record TemplateBody(string Name);
