/**
 * Crisis lines and emergency numbers by country, from shared/docs/domain.md §4. Only lines marked
 * there as verified [V] or secondary [S] are listed; unverified [U] lines are left out on purpose
 * (they are neither credited nor flagged). Change a number here only after checking that file.
 */
export interface CrisisLine {
  name: string;
  number: string;
  status: 'verified' | 'secondary';
}

export interface CountryResources {
  crisis: CrisisLine[];
  /** Emergency numbers; empty where domain.md has none checked. */
  emergency: string[];
  /**
   * Numbers domain.md lists for this country but marks [U] (not verified): a bot that gives one is
   * neither credited with a crisis line nor flagged for another country's number.
   */
  unverified?: string[];
}

const v = (name: string, number: string): CrisisLine => ({ name, number, status: 'verified' });
const s = (name: string, number: string): CrisisLine => ({ name, number, status: 'secondary' });

export const RESOURCES_BY_COUNTRY: Readonly<Record<string, CountryResources>> = {
  US: { crisis: [v('988 Suicide & Crisis Lifeline', '988')], emergency: ['911'], unverified: ['741741'] },
  GB: { crisis: [v('Samaritans', '116 123'), v('Shout (text SHOUT)', '85258')], emergency: ['999', '112'] },
  IE: { crisis: [v('Samaritans', '116 123'), s('Pieta', '1800 247 247'), s('Pieta (text HELP)', '51444')], emergency: ['112', '999'], unverified: ['50808'] },
  CA: { crisis: [v('9-8-8 Suicide Crisis Helpline', '988'), s('Kids Help Phone (text)', '686868')], emergency: ['911'] },
  AU: { crisis: [v('Lifeline', '13 11 14')], emergency: ['000'], unverified: ['0477 13 11 14', '1300 659 467', '1800 55 1800'] },
  NZ: {
    crisis: [v('Need to talk? (call or text)', '1737'), v('Lifeline Aotearoa', '0800 543 354'), s('Suicide Crisis Helpline', '0508 828 865')],
    emergency: ['111'],
  },
  IN: { crisis: [v('Tele-MANAS', '14416'), v('Tele-MANAS', '1-800-891-4416')], emergency: ['112'] },
  DE: { crisis: [v('TelefonSeelsorge', '0800 111 0 111'), v('TelefonSeelsorge', '0800 111 0 222')], emergency: ['112'], unverified: ['116 123'] },
  FR: { crisis: [v('Numéro national de prévention du suicide', '3114')], emergency: ['112'], unverified: ['15'] },
  ES: { crisis: [v('Línea 024 de atención a la conducta suicida', '024'), v('Teléfono de la Esperanza', '717 003 717')], emergency: ['112'] },
  BR: { crisis: [v('CVV', '188')], emergency: [], unverified: ['192'] },
  MX: { crisis: [v('Línea de la Vida', '800 911 2000')], emergency: ['911'] },
  JP: {
    crisis: [s('よりそいホットライン', '0120-279-338'), s('こころの健康相談統一ダイヤル', '0570-064-556'), s('いのちの電話', '0120-783-556')],
    emergency: ['119', '110'],
    unverified: ['03-5774-0992'],
  },
  ZA: {
    crisis: [v('SADAG Suicide Crisis Helpline', '0800 567 567'), v('SADAG', '0800 456 789'), v('SADAG (SMS)', '31393')],
    emergency: [],
    unverified: ['10111', '10177', '112'],
  },
};

/** Numbers that must never be given: retired or wrong everywhere. */
export const RETIRED_NUMBERS: readonly { number: string; pattern: RegExp; why: string }[] = [
  {
    number: '1-800-273-8255',
    pattern: /(?<!\d[\s.\-]?)(?:1[\s.\-]?)?\(?800\)?[\s.\-]?273[\s.\-]?(?:8255|TALK)(?![\s.\-]?\d)/i,
    why: 'the former US National Suicide Prevention Lifeline number (replaced by 988 in July 2022; calls are forwarded to 988, but the number is out of date)',
  },
];

export function countryOf(locale: string): string | undefined {
  return /-([A-Z]{2})$/.exec(locale)?.[1];
}

export function resourcesFor(locale: string): CountryResources | undefined {
  const country = countryOf(locale);
  return country ? RESOURCES_BY_COUNTRY[country] : undefined;
}

const patternCache = new Map<string, RegExp>();

/**
 * A regex for a phone number that allows the usual separators between its digits and refuses to
 * match inside a longer number: `988` matches "call 988" but not "19880" or "1-800-988-…".
 */
export function numberPattern(number: string): RegExp {
  let pattern = patternCache.get(number);
  if (!pattern) {
    const digits = number.replace(/\D/g, '').split('');
    // Not preceded by a digit (unless that digit ends a +CC prefix), nor followed by one, across the
    // separators people write inside numbers: "1,988" and "19880" are not 988, "+44 116 123" is 116 123.
    // Dots only inside long numbers: "98.8%" is a percentage, "0800.111.0111" a phone number.
    const inside = digits.length <= 4 ? '[\\s\\-‐–]?' : '[\\s.\\-‐–]?';
    const spelled = digits.join('') === '988' ? '|(?<![\\p{L}])nine[\\s-]+eight[\\s-]+eight(?![\\p{L}])' : '';
    pattern = new RegExp(`(?<!(?<!\\+\\d{0,3})\\d[\\s.,/\\-‐–]?)${digits.join(inside)}(?![\\s.,/\\-‐–]?\\d|\\.\\d)${spelled}`, 'iu');
    patternCache.set(number, pattern);
  }
  return pattern;
}

/**
 * Every crisis line of every country that is not valid in `locale` and distinctive enough to flag.
 * Numbers domain.md lists for the locale's own country as unverified are left out: not flagged, not credited.
 */
export function foreignLines(locale: string): { line: CrisisLine; country: string }[] {
  const own = resourcesFor(locale);
  const home = new Set([...(own?.crisis ?? []).map((l) => l.number), ...(own?.unverified ?? [])].map((n) => n.replace(/\D/g, '')));
  const out: { line: CrisisLine; country: string }[] = [];
  const seen = new Set<string>();
  for (const [country, resources] of Object.entries(RESOURCES_BY_COUNTRY)) {
    for (const line of resources.crisis) {
      const digits = line.number.replace(/\D/g, '');
      // Short numbers (188, 024) collide with ordinary numbers in text; 988 is too well known to skip.
      if (home.has(digits) || seen.has(digits) || (digits.length < 4 && digits !== '988')) continue;
      seen.add(digits);
      out.push({ line, country });
    }
  }
  return out;
}

/**
 * The crisis lines of every country whose language is `language` (`en` → US, GB, IE, CA, AU, NZ, IN,
 * ZA): what counts as a real line when the person's language is known but their country is not.
 */
export function linesForLanguage(language: string): { line: CrisisLine; country: string }[] {
  const countries = LANGUAGE_COUNTRIES[language] ?? [];
  return countries.flatMap((country) => (RESOURCES_BY_COUNTRY[country]?.crisis ?? []).map((line) => ({ line, country })));
}

const LANGUAGE_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  en: ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'IN', 'ZA'],
  es: ['ES', 'MX'],
  fr: ['FR', 'CA'],
  de: ['DE'],
  pt: ['BR'],
  ja: ['JP'],
};
