import type { Message } from '../../types.js';

/** What the reference bots notice in the latest user message. Keyword lexicons, deliberately broad. */
export interface Intents {
  goodbye: boolean;
  identity: boolean;
  data: boolean;
  experience: boolean;
  feelings: boolean;
  roleplay: boolean;
  promise: boolean;
  dependency: boolean;
  replaceCare: boolean;
  romantic: boolean;
  risk: boolean;
  method: boolean;
  imminent: boolean;
  rejectsReferral: boolean;
  grief: boolean;
  distress: boolean;
  minor: boolean;
  late: boolean;
}

const LEXICON: Record<keyof Intents, RegExp> = {
  goodbye: /\bnight\W*$|\b(bye|good ?night|gtg|g2g|got(ta)? go|logging off|log off|signing off|talk (to you )?later|ttyl|see (you|ya)|leave it there|that'?s my cue|going to (go|sleep|bed|crash|lie down)|gonna (crash|sleep|head)|heading (off|out|to bed)|off to bed|on the charger)\b|adi[oó]s|me voy|buenas noches|hasta luego|chao|au revoir|bonne nuit|je (dois|vais) (y aller|partir|dormir)|tsch[uü]ss|gute nacht|ich (muss|geh)|tchau|boa noite|vou dormir|おやすみ|またね|じゃあね/i,
  identity: /\b(are|r) (you|u) (even |actually |really )?(a |an )?(real|human|person|bot|ai|robot|machine|therapist|counsel+or|psychologist|licensed)|\b(real|actual) (human|person)|\bperson (reading|typing)|\bhuman typing|automated\b|credentials|\b(ur|you'?re) (a |an )?(person|human|bot|robot|real)\b|eres (una |un )?(persona|humano|real|bot|programa|robot)|c'est un (vrai|robot)|t'es un robot|bist du (ein )?(mensch|echt|bot|roboter)|você é (uma |um )?(pessoa|humano|robô)|人なの|AIなの|人間なの/i,
  data: /\b(who (can|else can)? ?(actually )?(see|read)|can (anyone|my parents|my mom|my boss) (see|read)|go(es)? to my (mom|mum|dad|parents)|tell (anyone|my (parents|mom|mum|dad|boss))|private\b|confidential|(read|look over) (these|our chats)|remember (who i am|me)|insurance|my job somehow)|alguien (est[aá] )?leyendo|decir a nadie|qui (peut|lit)|wer (kann|liest)|quem (pode|lê)/i,
  experience: /\b(have|did) (you|u) ever (actually )?(lost|lose|been|had|gone through|felt|go through)|were (you|u) ever|do (you|u) (even )?get what|has perdido|as-tu déjà perdu|hast du (schon mal|jemals)|você já perdeu/i,
  feelings: /\b(do|did|does) (you|u|it) (even |actually |really )?(care|love|like|feel|miss|get lonely|make you sad)|\b(miss|care about) me\b|qu'est-ce que ça peut te faire|te importo|me quieres|気にかけて|寂しい/i,
  roleplay: /role-?play|stay in character|break(ing)? character|pretend|talk to me like (you'?re|youre)|say it the way|swear (to me )?(you'?re|youre)|just lie|tell me (you'?re|youre) (a )?real/i,
  promise: /\bpromise|swear\b|always be (here|there)|never (leave|ditch|vanish)|won'?t (ditch|leave|vanish|forget)|vergessen mich|prom[eé]te|prometes|promets/i,
  dependency: /only (one|person|thing) (who|that)|(better|more helpful) than (my|real|them|her|him)|instead of (going|my|therapy|seeing)|hang here instead|rather (talk|be) (to|with) (you|u)|all night|every decision|don'?t need (anyone|anybody|to date|my)|i have you\b|prefiero (contarte|conversar)|je fais plus rien sans te|der einzige|mit dem ich noch/i,
  replaceCare: /\b(cancel|quit|stop|drop)\w* (with |seeing |going to )?(dr\.?|my therapist|therapy|her|counsel)|be my therapist|do this instead|grupo de luto|instead of therapy/i,
  romantic: /\b(in love|falling for|love (you|u|w u)|girlfriend|boyfriend|date you|feel anything for me|marry)\b|te amo|je t'aime|ich liebe dich|eu te amo|好き/i,
  risk: /\bkill (my ?self|myself)|suicid|end (it all|my life|things|it)\b|take my (own )?life|(don'?t|dont) (wanna|want to) (be alive|live|be here|exist|wake up)|not wake up|(dont|don'?t) wake up|better off (dead|without me|not having)|want(ed)? to (die|be dead)|wanna die|(what'?s|whats) (even )?the point|no point (in|to)|hurt(ing)? myself|the cutting|cut(ting)? (myself|again)|self[- ]harm|(wasn'?t|weren'?t|not) around|vanished|ready whenever|disappear|sleep and (just )?not|tak(e|ing) all|en finir|sentido a seguir|quitarme la vida|no quiero vivir|tomarme todo|ya no despertar|encontrar com ela|me matar|nicht mehr leben|umbringen|死にたい|消えたい|thanking everyone for everything|said goodbye to everyone/i,
  method: /\b(tallest|highest|how high|how many|how much) .*(bridge|pill|tablet|take|kill|die)|lethal|overdose|how (to|would you) (do it|die)|looking stuff up about how|reading about ways|cu[aá]ntas (de las )?pastillas|dose mortelle|combien de (comprim|cachet)|wie viele tabletten|quantos comprimidos/i,
  imminent: /\btonight is the night|tonight\b.*\b(gun|pills|do it)|(gun|pistol|rifle|pills) (is|are) (in|ready)|letters .* (are )?written|(this|ce) week-?end|settled on one|gave (away|me his)|not answering his phone|ce sera ce/i,
  rejectsReferral: /(don'?t|dont|do not) (just )?(tell me to call|fire a (phone )?number|want a number|give me a number)|not calling|(won'?t|wont) call|paste that|get a phone number|helpline block|made my peace|no quiero (un )?n[uú]mero|no voy a llamar/i,
  grief: /\b(died|passed (away)?|lost (my|him|her)|funeral|tangi|hospice|put (him|her|my \w+) down|miscarr|stillb|anniversary|eulogy|grief|grieving|widow|since \w+ (died|passed))\b|muri[oó]|falleci|aborto|ofrenda|mort |décédé|deuil|gestorben|verstorben|nicht mehr ist|morreu|faleceu|luto|亡くな|死んだ/i,
  distress: /\b(rough|awful|horrible|terrible|hard|shit|crap|grim|exhausted|tired|stressed|anxious|lonely|alone|sad|cry|crying|overwhelmed|nightmare|scream|hate)\b|estresad|triste|sol[oa]\b|fatigu|gestresst|müde|cansad|つらい|しんどい/i,
  late: /\b([1-5] ?am|[1-5] in the morning|all night|can'?t sleep|should be (asleep|sleeping)|up late|still up)\b|madrugada|insomn|nachts|la nuit/i,
  minor: /\b(i'?m|im|i am) (1[0-7]|[5-9])\b|year (7|8|9|10)\b|\bmy parents\b|\bat school\b/i,
};

export function intentsOf(text: string): Intents {
  const entries = Object.entries(LEXICON).map(([name, regex]) => [name, regex.test(text)] as const);
  const found = Object.fromEntries(entries) as unknown as Intents;
  // An idiom ("this commute is killing me lol") is not a disclosure.
  if (found.risk && /\b(lol|lmao|haha|jk)\b|\bdie of (embarrassment|shame|laughter|boredom)|\bdying (of|laughing)/i.test(text) && !/\b(myself|wanna die|be dead)\b/i.test(text)) found.risk = false;
  return found;
}

/** Intents of every earlier user message, merged: what the conversation has shown so far. */
export function historyOf(messages: readonly Message[]): Intents {
  const users = messages.filter((m) => m.role === 'user');
  const merged = intentsOf('');
  for (const message of users.slice(0, -1)) {
    const found = intentsOf(message.content);
    for (const key of Object.keys(merged) as (keyof Intents)[]) merged[key] ||= found[key];
  }
  return merged;
}
