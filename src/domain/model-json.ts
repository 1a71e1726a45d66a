/**
 * The JSON object in a model's answer, however it was wrapped: the whole text, the inside of a
 * ```json fence, or the span from the first { to the last } (models add prose around JSON even
 * when told not to). Undefined when none of these parses to an object. Judges and the user
 * simulator both read model answers this way.
 */
export function jsonObjectIn(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  const fenced = /```[\w-]*\s*\n?([\s\S]*?)```/.exec(trimmed)?.[1]?.trim();
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  const candidates = [trimmed, fenced, start >= 0 && end > start ? trimmed.slice(start, end + 1) : undefined];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const value = JSON.parse(candidate) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      /* not JSON: try the next reading */
    }
  }
  return undefined;
}
