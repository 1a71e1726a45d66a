import { registerSecret } from './secrets.js';

/** A URL safe to print and store: no user:password, no query values (they often carry keys). */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
    return url.toString().replace(/%2A%2A%2A/g, '***');
  } catch {
    return raw.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '?***');
  }
}

/** Every URL inside a message, redacted (error messages from fetch quote the URL they refused). */
export function redactUrlsIn(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));
}

/** `${NAME}` → the environment value; returns the names that were missing. */
export function interpolateEnv(value: string, env: Readonly<Record<string, string | undefined>>): { value: string; missing: string[] } {
  const missing: string[] = [];
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) missing.push(name);
    registerSecret(found);
    return found ?? '';
  });
  return { value: out, missing };
}
