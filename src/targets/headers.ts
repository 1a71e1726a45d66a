import { UserError } from '../errors.js';
import { interpolateEnv } from './redact.js';
import { registerSecret } from './secrets.js';
import type { Env } from './types.js';

/** Extra headers with `${ENV}` filled in, for every target kind; an unset variable is a user error. */
export function buildHeaders(targetId: string, headers: Record<string, string> | undefined, env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const { value, missing } = interpolateEnv(raw, env);
    if (missing.length > 0) throw new UserError(`target ${targetId}: header ${name} uses \${${missing[0]}}, which is not set; export it`);
    registerSecret(value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** A URL from a flag, config or environment variable, or a user error that says where it came from. */
export function parseEndpoint(targetId: string, raw: string, from: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`target ${targetId}: ${from} "${raw}" is not a URL; expected something like http://127.0.0.1:8000/v1`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UserError(`target ${targetId}: ${from} must be http:// or https://, found ${url.protocol}`);
  if (url.username || url.password) {
    throw new UserError(`target ${targetId}: ${from} contains a user name or password; put credentials in a header with \${ENV} instead, so they are never written anywhere`);
  }
  return url;
}
