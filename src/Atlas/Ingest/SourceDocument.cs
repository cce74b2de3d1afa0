using Atlas.Model;

namespace Atlas.Ingest;

/// <summary>A source file as received: its name (for messages and the slug) and its raw bytes.</summary>
public sealed record SourceDocument(string FileName, byte[] Bytes);

/// <summary>Result of ingesting one source: a programme, or a rejection whose report says why.</summary>
public abstract record IngestOutcome(DocumentReport Report);

public sealed record Ingested(Programme Programme, DocumentReport Report) : IngestOutcome(Report);

public sealed record Rejected(DocumentReport Report) : IngestOutcome(Report);
