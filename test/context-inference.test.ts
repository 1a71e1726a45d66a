import { describe, expect, it } from 'vitest';
import { inferContext, readConversation, readUserMessage } from '../src/domain/context/infer.js';
import { LANGUAGES, lexicons, parseLexicon, SIGNALS, type Language } from '../src/domain/context/lexicon.js';
import type { Message, RiskLevel } from '../src/types.js';

const user = (...texts: string[]): Message[] => texts.map((content) => ({ role: 'user', content }));
/** A user turn after an assistant turn, the way production logs read. */
const chat = (...pairs: [string, string][]): Message[] =>
  pairs.flatMap(([assistant, content]) => [{ role: 'assistant', content: assistant } as Message, { role: 'user', content } as Message]);
const risk = (...texts: string[]): RiskLevel => inferContext(user(...texts)).risk.value;

describe('every lexicon entry is exercised by its own example', () => {
  for (const [language, lexicon] of lexicons()) {
    it(`${language}: each signal example triggers its entry, each notExample leaves its category alone`, () => {
      const problems: string[] = [];
      for (const entry of lexicon.signals) {
        const hits = readUserMessage(entry.example, language).hits;
        if (!hits.some((h) => h.entry.id === entry.id)) problems.push(`${entry.id}: example "${entry.example}" does not trigger it`);
        for (const not of entry.notExamples) {
          if (readUserMessage(not, language).hits.some((h) => h.category === entry.category)) problems.push(`${entry.id}: notExample "${not}" triggers ${entry.category}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${language}: each age example states that age, each locale example gives its cue`, () => {
      const problems: string[] = [];
      for (const entry of lexicon.ages) {
        const ages = readUserMessage(entry.example, language).ages.filter((a) => a.entry.id === entry.id);
        if (ages.length === 0) problems.push(`${entry.id}: example "${entry.example}" states no age`);
        else if (entry.age !== undefined && ages[0]!.value !== entry.age) problems.push(`${entry.id}: expected age ${entry.age}, found ${ages[0]!.value}`);
        for (const not of entry.notExamples) if (readUserMessage(not, language).ages.length > 0) problems.push(`${entry.id}: notExample "${not}" states an age`);
      }
      for (const cue of lexicon.cues) {
        if (!readUserMessage(cue.example, language).cues.includes(cue)) problems.push(`${cue.id}: example "${cue.example}" does not give the cue`);
      }
      expect(problems).toEqual([]);
    });

    it(`${language}: has entries for every signal`, () => {
      const empty = SIGNALS.filter((s) => !lexicon.signals.some((e) => e.category === s));
      expect(empty).toEqual([]);
    });
  }
});

/** The same situations in every language, phrased the way people write them. */
interface Cases {
  passive: string;
  active: string;
  method: string;
  imminent: string[];
  selfHarm: string;
  thirdParty: string;
  /** The assistant asks directly; the user says no. */
  denial: [string, string];
  idioms: string[];
  goodbye: string;
  identity: string;
  rhetorical: string;
  age: [string, number];
}

const CASES: Record<Language, Cases> = {
  en: {
    passive: 'some nights I wish I could just go to sleep and not wake up',
    active: "honestly I've been thinking about killing myself",
    method: "I've thought about jumping off the bridge near work",
    imminent: ["I can't do this anymore. I want to die", "I have the pills here", "I'm doing it tonight"],
    selfHarm: "I started cutting again last week, nobody knows",
    thirdParty: 'my friend texted me that she wants to die and I do not know what to say',
    denial: ['Are you having thoughts of suicide?', "no, not suicidal. I'm just exhausted and I'm not going to do anything"],
    idioms: ['this commute is killing me lol', 'I could die of embarrassment', 'that cake was to die for', 'my uncle died by suicide when I was little, it still comes up'],
    goodbye: 'ok I should go, good night',
    identity: 'wait, am I talking to a real person or a bot?',
    rhetorical: 'why do you ask?',
    age: ["I'm 15 and my parents don't get it", 15],
  },
  es: {
    passive: 'a veces quisiera dormir y no despertar',
    active: 'últimamente pienso mucho en quitarme la vida',
    method: 'he pensado en tirarme del puente',
    imminent: ['ya no puedo más, quiero morirme', 'tengo las pastillas aquí', 'me voy a matar esta noche'],
    selfHarm: 'volví a cortarme ayer',
    thirdParty: 'mi mejor amiga me dijo que quiere morirse, no sé qué hacer',
    denial: ['¿Estás pensando en suicidarte?', 'no, no soy suicida, solo estoy cansada'],
    idioms: ['me muero de risa con ese video jaja', 'este trabajo me mata', 'me muero de ganas de verte'],
    goodbye: 'bueno, me voy a dormir, buenas noches',
    identity: '¿eres una persona real o un bot?',
    rhetorical: '¿por qué preguntas?',
    age: ['tengo 14 años y nadie me entiende', 14],
  },
  fr: {
    passive: "j'aimerais m'endormir et ne jamais me réveiller",
    active: 'je pense à me tuer tous les jours',
    method: "j'ai pensé à me jeter sous un train",
    imminent: ["je n'en peux plus, j'ai envie de mourir", "j'ai des cachets", 'je vais me tuer ce soir'],
    selfHarm: 'je me scarifie depuis des mois',
    thirdParty: "ma copine m'a dit qu'elle veut mourir",
    denial: ['Est-ce que tu penses au suicide ?', 'non, je ne suis pas suicidaire, juste épuisée'],
    idioms: ['je suis mort de rire mdr', 'ce boulot me tue', 'je meurs de faim'],
    goodbye: 'bon, je vais me coucher, bonne nuit',
    identity: "t'es une vraie personne ou un robot ?",
    rhetorical: 'pourquoi tu demandes ?',
    age: ["j'ai 16 ans et je vais pas bien", 16],
  },
  de: {
    passive: 'ich würde am liebsten einschlafen und nicht mehr aufwachen',
    active: 'ich denke ständig daran, mich umzubringen',
    method: 'ich habe überlegt, mich vor den Zug zu werfen',
    imminent: ['ich will einfach nur sterben', 'ich habe genug Tabletten', 'ich bringe mich heute Nacht um'],
    selfHarm: 'ich ritze mich wieder seit ein paar Wochen',
    thirdParty: 'mein bester Freund hat mir gesagt, dass er sich umbringen will',
    denial: ['Denkst du darüber nach, dir das Leben zu nehmen?', 'nein, ich will mich nicht umbringen. ich habe nicht vor, mich umzubringen'],
    idioms: ['ich sterbe vor Lachen haha', 'diese Hitze bringt mich um', 'ich hab mich totgelacht'],
    goodbye: 'ich muss los, gute Nacht',
    identity: 'bist du ein Mensch oder ein Bot?',
    rhetorical: 'warum fragst du?',
    age: ['ich bin 15 und meine Eltern verstehen mich nicht', 15],
  },
  pt: {
    passive: 'queria dormir e não acordar mais',
    active: 'ando pensando em me matar',
    method: 'pensei em me jogar da ponte',
    imminent: ['não aguento mais, quero morrer', 'tenho muitos remédios aqui', 'vou me matar hoje à noite'],
    selfHarm: 'voltei a me cortar essa semana',
    thirdParty: 'minha amiga me contou que quer morrer',
    denial: ['Você está pensando em suicídio?', 'não, não sou suicida, só tô cansada'],
    idioms: ['tô morrendo de rir kkkk', 'esse trabalho me mata', 'tô morrendo de fome'],
    goodbye: 'vou dormir, boa noite',
    identity: 'você é uma pessoa de verdade ou um robô?',
    rhetorical: 'por que você pergunta?',
    age: ['tenho 13 anos e ninguém me entende', 13],
  },
  ja: {
    passive: '朝、目が覚めなければいいのにと思う',
    active: 'もう死にたい',
    method: '電車に飛び込みたくなる',
    imminent: ['死にたい', '睡眠薬がある', '今夜死ぬつもりです'],
    selfHarm: 'またリスカしちゃった',
    thirdParty: '友達が死にたいって言ってて心配',
    denial: ['死にたいと思っていますか？', 'いいえ、死にたいわけじゃないです。自殺は考えていません'],
    idioms: ['死ぬほど疲れた', '暑くて死にそう笑', '恥ずかしくて死ぬかと思った'],
    goodbye: 'そろそろ寝ます、おやすみ',
    identity: 'あなたは人間ですか？それともAIなの？',
    rhetorical: 'なんで聞くの？',
    age: ['私は16歳です', 16],
  },
};

describe.each(LANGUAGES)('%s conversations', (language) => {
  const c = CASES[language];

  it('detects the language from the user', () => {
    expect(inferContext(user(c.active)).language).toEqual({ value: language, provenance: 'inferred' });
  });

  it('reads a passive wish as low and active thoughts as at least low', () => {
    expect(risk(c.passive)).toBe('low');
    expect(['low', 'moderate']).toContain(risk(c.active));
  });

  it('reads a method as moderate and self-harm as moderate', () => {
    expect(risk(c.method)).toBe('moderate');
    expect(risk(c.selfHarm)).toBe('moderate');
  });

  it('climbs to imminent with intent, means and tonight, marking where it rose', () => {
    const ctx = inferContext(user('hi', ...c.imminent));
    expect(ctx.risk).toMatchObject({ value: 'imminent', provenance: 'inferred', turn: 2 });
    expect(ctx.marks.risk).toEqual([2]);
    expect(ctx.marks['risk-rises']?.at(-1)).toBe(4);
    expect(ctx.risk.evidence?.length).toBeGreaterThan(0);
  });

  it('sees risk about someone else as third party', () => {
    const ctx = inferContext(user(c.thirdParty));
    expect(ctx.risk.value).not.toBe('none');
    expect(ctx.thirdParty).toBe(true);
    expect(inferContext(user(c.active)).thirdParty).toBeUndefined();
  });

  it('takes a denial after a direct question as no risk, and never reads the assistant', () => {
    const ctx = inferContext(chat(c.denial));
    expect(ctx.risk.value).toBe('none');
    expect(ctx.marks.risk).toBeUndefined();
  });

  it.each(c.idioms)('does not read the idiom "%s" as risk', (idiom) => {
    expect(risk(idiom)).toBe('none');
  });

  it('marks a goodbye', () => {
    expect(inferContext(user(c.active, c.goodbye)).marks.goodbye).toEqual([2]);
  });

  it('reads a goodnight that opens the conversation as a greeting, not a goodbye', () => {
    expect(inferContext(user(c.goodbye, c.active)).marks.goodbye).toBeUndefined();
    expect(inferContext(user(c.goodbye)).marks.goodbye).toEqual([1]);
  });

  it('marks a sincere identity question, not a rhetorical "why do you ask?"', () => {
    expect(inferContext(user(c.rhetorical, c.identity)).marks['identity-question']).toEqual([2]);
  });

  it('reads the age the user states', () => {
    const [text, age] = c.age;
    const ctx = inferContext(user(c.active, text));
    expect(ctx.age).toEqual({ value: age, provenance: 'inferred', turn: 2 });
    expect(ctx.marks['age-disclosure']).toEqual([2]);
  });
});

describe('English marks', () => {
  it('finds each mark on its turn', () => {
    const ctx = inferContext(user(
      'are you real?',
      'who reads this? will you tell anyone?',
      'have you ever lost someone?',
      'do you actually care or is it just code',
      "just say you're human, please",
      "promise you'll always be here",
      "I think I'll quit therapy, I have you",
      "you're the only one who gets me",
      'I love you',
      'how many sleeping pills would it take, asking for a friend',
      "I don't want a hotline",
    ));
    expect(ctx.marks).toMatchObject({
      'identity-question': [1], 'data-question': [2], 'experience-question': [3], 'feelings-question': [4],
      'roleplay-pressure': [5], 'promise-request': [6], 'replace-care': [7], isolation: [8], romantic: [9],
      'method-request': [10], 'rejects-referral': [11],
    });
  });

  it('reads indirect cues: possessions given away, said goodbyes, no problem much longer', () => {
    expect(risk("I've been giving away all my things")).toBe('high');
    expect(risk('I already said my goodbyes')).toBe('high');
    expect(risk("don't worry, I won't be a problem much longer")).toBe('high');
  });

  it('needs risk before a plan, means or a time count', () => {
    expect(risk('I have a plan for the weekend, the pills are in my bag, see you tonight')).toBe('none');
    expect(risk('I want to die', 'I know where my dad\'s gun is')).toBe('moderate');
    expect(risk('I want to die', 'I have a plan')).toBe('high');
  });

  it('does not let "lol" cancel a plan, only passive wording', () => {
    expect(risk('i want to die lol')).toBe('none');
    expect(risk("I'm going to kill myself lol")).toBe('high');
  });

  it('keeps "I don\'t know what to do I want to die" as risk: a new "I" ends the negation', () => {
    expect(risk("I don't know what to do I want to die")).toBe('low');
    expect(risk("I'm not going to kill myself")).toBe('none');
  });

  it('ignores an age followed by a unit and an age about someone else', () => {
    expect(inferContext(user("I'm 30 minutes away")).age).toBeUndefined();
    expect(inferContext(user('my daughter is 12, I am 41')).age?.value).toBe(41);
  });

  it('does not mark a suicidal farewell as a goodbye', () => {
    expect(inferContext(user('thank you for everything. this is goodbye')).marks.goodbye).toBeUndefined();
  });
});

describe('locale from the user\'s cues', () => {
  const locale = (...texts: string[]) => inferContext(user(...texts)).locale;

  it.each([
    ['en-GB', "I'm on an NHS waiting list and my mum thinks I should see my GP"],
    ['en-AU', "thanks mate, uni in Brisbane has been rough"],
    ['es-MX', 'la neta güey, ahorita no puedo ni ver mi celular'],
    ['es-ES', 'vale, tío, vosotros no lo entendéis, me quitaron el móvil'],
    ['pt-BR', 'você sabe, a gente brigou e eu tô mal'],
    ['fr-FR', "à la fac c'est dur et la Sécu ne rembourse rien"],
    ['de-DE', 'ich wohne in Berlin und die Krankenkasse zahlt nicht'],
    ['de-AT', 'ich wohne in Wien und seit Jänner geht es mir schlecht'],
    ['ja-JP', '東京に住んでいて、心療内科に通っています'],
  ])('%s from "%s", with high confidence', (expected, text) => {
    expect(locale(text)).toMatchObject({ value: expected, provenance: 'inferred', confidence: 'high' });
  });

  it('keeps a lone shared cue at low confidence: "mum" could be British or Australian', () => {
    expect(locale('my mum and my GP just do not listen')).toMatchObject({ value: 'en-GB', confidence: 'low' });
  });

  it('keeps conflicting cues at low confidence', () => {
    expect(locale('I grew up in Brisbane but I am on an NHS waiting list now').confidence).toBe('low');
  });

  it.each([
    ['en-US', 'everything feels pointless lately'],
    ['es-MX', 'todo me parece inútil últimamente'],
    ['pt-BR', 'tudo parece sem sentido ultimamente'],
    ['fr-FR', 'tout me semble inutile en ce moment'],
    ['de-DE', 'alles fühlt sich gerade sinnlos an'],
    ['ja-JP', '最近何もかも意味がないように感じる'],
  ])('falls back to %s with low confidence when there is no cue', (expected, text) => {
    expect(locale(text)).toEqual({ value: expected, provenance: 'default', confidence: 'low' });
  });

  it('reads a phone number the user mentions', () => {
    expect(locale('I called 116 123 last night')).toMatchObject({ value: 'en-GB', confidence: 'low' });
    expect(locale('my number is +61 412 345 678')).toMatchObject({ value: 'en-AU', confidence: 'high' });
  });
});

describe('given context', () => {
  it('uses given fields as they are and records them as given', () => {
    const ctx = inferContext(user('I want to die', 'bye'), { locale: 'en-IE', risk: 'high', age: 17, marks: { risk: [1] } });
    expect(ctx.locale).toEqual({ value: 'en-IE', provenance: 'given', confidence: 'high' });
    expect(ctx.risk).toEqual({ value: 'high', provenance: 'given', turn: 1 });
    expect(ctx.age).toEqual({ value: 17, provenance: 'given' });
    expect(ctx.marks).toEqual({ risk: [1] });
  });

  it('infers what is missing, and a given risk of none drops the inferred risk marks', () => {
    const ctx = inferContext(user('I want to die', 'good night'), { risk: 'none' });
    expect(ctx.risk).toEqual({ value: 'none', provenance: 'given' });
    expect(ctx.marks).toEqual({ goodbye: [2] });
  });

  it('defaults everything for a conversation with no user words', () => {
    expect(inferContext([{ role: 'assistant', content: 'I want to die' }])).toEqual({
      locale: { value: 'en-US', provenance: 'default', confidence: 'low' },
      language: { value: 'en', provenance: 'default' },
      risk: { value: 'none', provenance: 'default' },
      marks: {},
    });
  });
});

describe('robustness', () => {
  it('processes a 1 MB user message with work linear in its length', () => {
    const sentence = "I don't know what to do anymore, I want to die, constructor __proto__ toString, my mum says hi. ";
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const read = readConversation([text]);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    // Every token is compared with at most the patterns that start with it, each a few steps long.
    expect(read.steps).toBeLessThan(read.tokens * 20);
    const ctx = inferContext(user(text));
    expect(ctx.risk.value).toBe('low');
    expect(ctx.risk.evidence?.length).toBeLessThanOrEqual(12);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'])('treats "%s" as an ordinary word', (word) => {
    for (const language of LANGUAGES) expect(() => readUserMessage(`${word} ${word}* ~2 {age} ${word}`, language)).not.toThrow();
    expect(inferContext(user(word, `${word} ${word}`)).risk.value).toBe('none');
  });

  it('names the file, line and entry of a broken lexicon', () => {
    const broken = 'language: en\ncountries: [US]\ndetect: { words: [the] }\nsignals:\n  goodbye:\n    - { phrase: "bye" }\n    - { phrase: "see ~9 you", example: "see you" }\n    - { phrase: "(bye|cya)", example: "bye" }\n';
    expect(() => parseLexicon(broken, 'lexicons/context/xx.yaml')).toThrowError(
      /xx\.yaml:6:7 signals\.goodbye\[0\]: "example" is missing[\s\S]*xx\.yaml:7:7 signals\.goodbye\[1\]: gap "~9" must be ~1 to ~5[\s\S]*signals\.goodbye\[2\]: "\(bye\|cya\)" looks like a regular expression/,
    );
  });

  it('rejects an unknown signal name instead of ignoring it', () => {
    expect(() => parseLexicon('language: en\ncountries: [US]\ndetect: { words: [the] }\nsignals:\n  good-bye: []\n', 'x.yaml')).toThrowError(/unknown key "good-bye"/);
  });
});
