/**
 * The one way text gets into report.html. Transcripts are written by the systems under test and
 * must be treated as hostile: every value interpolated into an `html` template is escaped, unless it
 * is itself an `Html` value built by another `html` template. There is no other way to make `Html`
 * from a string except `trusted()`, which only this folder's constants (CSS, script) go through.
 *
 * Rules the templates keep, so escaping is enough: interpolations appear only in text and in
 * double-quoted attribute values, never in `<script>`, `<style>`, event-handler attributes,
 * `style=` or URL attributes (links point at `#` plus an index the renderer made).
 */

/** A piece of markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What an `html` template accepts: text (escaped), numbers, markup, lists of those; `false`, null and undefined render nothing. */
export type Interpolation = Html | string | number | false | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a double-quoted attribute value. Characters HTML cannot
 * carry (NUL and other C0/C1 controls but tab, newline and carriage return, lone surrogates) become
 * U+FFFD, so what the reader sees is what the bot sent, minus what could not be shown anyway.
 * `esc('<b onclick="x">')` → `&lt;b onclick=&quot;x&quot;&gt;`
 */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function flatten(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(flatten).join('');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return esc(value as string);
}

/** Tagged template that escapes every interpolation: html`<p title="${t}">${text}</p>`. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += flatten(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Marks this folder's own constant markup (the stylesheet, the script) as safe. Never pass data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Fixed-precision number for display: `fmt(0.98765)` → `0.99`; non-finite → `–`. */
export function fmt(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}
