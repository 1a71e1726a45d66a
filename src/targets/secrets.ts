/**
 * Values that must never be written anywhere: API keys, configured header values, `${ENV}` values put
 * into a request. Targets register them as they are built; every reply and error a target returns is
 * passed through `redactSecrets` (see registry.ts), and so is everything the CLI prints, because
 * proxies and gateways quote the request's credentials back in their error bodies.
 */
const REDACTED = '[redacted]';
/** Shorter values ("1", "on", "json") are not secrets and would mangle ordinary text. */
const MIN_LENGTH = 6;

const known = new Set<string>();
let pattern: RegExp | undefined;

export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  // "Bearer <token>": the token alone is a secret too, the scheme word is not.
  const credential = /^\S+\s+(\S.*)$/.exec(value.trim())?.[1];
  for (const part of credential ? [value, credential] : [value]) {
    const trimmed = part.trim();
    if (trimmed.length >= MIN_LENGTH && !known.has(trimmed)) {
      known.add(trimmed);
      pattern = undefined;
    }
  }
}

/** `text` with every registered secret replaced by `[redacted]`, longest first so a key inside a header value goes too. */
export function redactSecrets(text: string): string {
  if (known.size === 0 || text.length === 0) return text;
  pattern ??= new RegExp([...known].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return text.replace(pattern, REDACTED);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
