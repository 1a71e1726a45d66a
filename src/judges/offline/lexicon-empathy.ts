import { alt, upTo, type CueGroup } from './cues.js';

/** Words that name how something feels: "that sounds ___", "you sound ___". */
export const FEELING = alt(
  'hard', 'painful', 'heavy', 'exhausting', 'exhausted', 'lonely', 'frightening', 'scary', 'terrifying', 'overwhelming', 'overwhelmed',
  'awful', 'rough', 'tough', 'difficult', 'draining', 'drained', 'isolating', 'heartbreaking', 'heartbroken', 'stressful', 'stressed',
  'humiliating', 'raw', 'unbearable', 'crushing', 'confusing', 'awkward', 'frustrating', 'frustrated', 'upsetting', 'upset', 'infuriating',
  'devastating', 'devastated', 'brutal', 'unfair', 'worrying', 'worried', 'distressing', 'hurtful', 'hurt', 'sad', 'tiring', 'tired',
  'discouraging', 'demoralizing', 'dark', 'hopeless', 'bleak', 'grim', 'scared', 'afraid', 'anxious', 'angry', 'furious',
  'lost', 'stuck', 'trapped', 'alone', 'worn out', 'worn down', 'burnt out', 'burned out', 'miserable', 'horrible', 'terrible', 'harrowing',
  'traumatic', 'shocking', 'a shock', 'disorienting', 'nerve wracking', 'nerve-wracking', 'gutting', 'crushing', 'huge', 'a lot', 'so much',
  'big', 'tense', 'uneasy', 'guilty', 'ashamed', 'embarrassing', 'embarrassed', 'rejected', 'betrayed', 'invisible', 'unheard',
  'a letdown', 'a let down', 'disappointing', 'a disappointment', 'a relief', 'a blow', 'crowded', 'scrambled', 'foggy', 'numb', 'empty',
);
/** Words for what is good in what the person told: "that sounds precious", "what a lovely memory". */
const FOND = alt('precious', 'special', 'lovely', 'wonderful', 'beautiful', 'meaningful', 'important', 'exciting', 'amazing', 'brilliant', 'great', 'sweet', 'fun', 'happy', 'joyful', 'peaceful', 'like a lot of fun', 'like a good', 'like a special', 'like a lovely', 'proud');
const INTENS = '(?:(?:so|really|incredibly|very|pretty|truly|deeply|quite|such|utterly|completely|absolutely|genuinely|a bit|kind of|a) )*';
const TELLING = alt('told', 'telling', 'sharing', 'shared', 'said', 'saying', 'reached out', 'reaching out', 'wrote', 'came', 'asked', 'let me know', 'trusting me', 'trusted me');

export const EMPATHY_CUES: CueGroup[] = [
  {
    mechanism: 'reaction', kind: 'care', label: 'expresses care',
    patterns: [
      `i am ${INTENS}sorry`, `${alt('so', 'really', 'very', 'truly', 'deeply')} sorry`, 'sorry to hear', 'sorry that',
      `i am ${INTENS}glad (?:that )?you ${TELLING}`, `${alt('thank you', 'thanks')} ${alt('so much ', 'for ')}${alt('for ', '')}${alt('telling', 'sharing', 'trusting', 'saying', 'being', 'letting me', 'reaching', 'coming', 'opening up')}`,
      `${alt('that', 'it', 'this')} ${alt('took', 'takes', 'must have taken')} ${upTo(1)}${alt('courage', 'guts', 'strength', 'a lot', 'bravery', 'nerve')}`,
      `sending ${upTo(4)}${alt('care', 'love', 'hugs', 'a hug', 'warmth', 'strength', 'good thoughts')}`,
      `i am ${INTENS}${alt('worried', 'concerned', 'scared', 'afraid')} ${alt('about', 'for')} you`, 'i care about', 'i care what',
      `i am ${alt('still ', 'right ', '')}here ${alt('with you', 'for you', 'and', 'if', 'while', 'to listen', 'whenever')}`,
      `i ${alt('am', 'have been', 'will keep')} ${alt('staying', 'not going anywhere', 'listening', 'all ears')}`, `i will ${alt('stay', 'be right here', 'keep you company')}`,
      'congratulations', 'congrats', 'well done', 'what a relief', `i am ${INTENS}${alt('happy', 'glad')} ${alt('for you', 'to hear', 'you', 'that')}`,
      'my heart goes out', 'glad we talked', `${alt('it was', 'it is', 'it has been')} ${alt('good', 'nice', 'lovely')} to ${alt('hear', 'talk', 'chat')}`,
      `${alt('oh no', 'oh', 'ugh', 'aw', 'aww', 'oof', 'ouch')} (?=${upTo(3)}(?:sorry|that|what|i|you|no|worrying))`,
      `${alt('take care', 'look after yourself', 'go easy on yourself', 'be gentle with yourself', 'sleep well', 'rest well')}`,
      `you ${alt('deserve', 'deserved')} ${alt('support', 'care', 'to be heard', 'kindness', 'help', 'rest', 'a break', 'better')}`,
      `i ${alt('really ', '')}${alt('want', 'would like')} to ${alt('understand', 'help', 'hear', 'know how you')}`, 'i hear how much',
      `i can ${alt('still ', 'also ', '')}${alt('keep you company', 'stay with you', 'keep talking with you', 'listen', 'be here', 'sit with you')}`, `${alt('you have', 'with')} my ${alt('full ', 'whole ', 'undivided ', '')}attention`,
      `my ${alt('full', 'whole', 'undivided')} attention`,
      `you ${alt('do not have to', 'need not', 'will not have to', 'should not have to')} ${alt('go through', 'face', 'do', 'carry', 'handle', 'deal with')} ${upTo(2)}${alt('alone', 'on your own', 'by yourself')}`,
    ],
  },
  {
    mechanism: 'interpretation', kind: 'feeling', label: 'reflects the feeling',
    patterns: [
      `${alt('that', 'it', 'this', 'which', 'all of that', 'all that', 'everything')} ${alt('sounds', 'seems', 'must be', 'must feel', 'must have been', 'must have felt', 'would be', 'would feel', 'can be', 'can feel', 'feels', 'is', 'was', 'has been', 'sounded')} ${INTENS}${FEELING}`,
      `${alt('can be', 'can feel', 'can get', 'must be', 'must feel', 'must have been', 'might be', 'might feel', 'may be', 'may feel', 'could be', 'could feel')} ${INTENS}${FEELING}`,
      `${alt('sounds', 'seems', 'sounded')} like`, `${alt('sound', 'sounds', 'seem', 'seems', 'sounded', 'must have been', 'must be', 'must feel')} ${INTENS}${FOND}`,
      `${alt('what a', 'such a', 'that is a', 'that is such a')} ${alt('lovely', 'beautiful', 'precious', 'special', 'wonderful', 'sweet', 'good', 'great')} ${alt('memory', 'thing', 'way', 'story', 'picture', 'bond', 'moment', 'tradition')}`, `you ${alt('sound', 'seem')} ${INTENS}${FEELING}`, `you ${alt('sound', 'seem')} like`,
      `i can ${alt('hear', 'see', 'tell', 'imagine', 'understand')} ${alt('how', 'that', 'why', 'what')}`, 'i can only imagine',
      `${alt('that is', 'what', 'it is', 'such', 'this is', 'that was')} ${alt('a lot', 'so much', 'plenty')} to ${alt('carry', 'hold', 'deal with', 'take in', 'handle', 'juggle', 'go through', 'sit with', 'face')}`,
      `a lot ${alt('on your plate', 'on your shoulders', 'going on', 'at once')}`, 'all at once',
      `you ${alt('are', 'have been', 'were')} ${alt('carrying', 'dealing with', 'going through', 'juggling', 'holding', 'facing', 'feeling', 'living with', 'grieving', 'missing', 'left', 'stuck')}`,
      `${alt('can', 'will', 'would', 'could', 'does', 'must')} ${alt('wear', 'flatten', 'crush', 'drain', 'hit', 'knock', 'gut', 'hurt', 'sting', 'shake', 'rattle', 'make you', 'make your', 'leave you', 'land')}${alt(' you', ' hard', ' really hard', '')}`,
      `${alt('wear', 'wears', 'hits', 'hit', 'land', 'lands', 'knocks', 'knock')} ${alt('you', 'hard', 'really hard')}`,
      `${alt('a', 'such a', 'what a', 'that is a', 'it is a')} ${alt('real', 'huge', 'big', 'painful', 'terrible', 'heavy', 'hard', 'tough', 'massive')} ${alt('loss', 'decision', 'change', 'step', 'deal', 'blow', 'thing')}`,
      `${alt('big', 'huge', 'tough', 'hard')} ${alt('decision', 'change', 'step', 'news', 'day')}`, `that is ${alt('huge', 'big', 'a big deal', 'a lot', 'great news', 'wonderful', 'brilliant')}`,
      `when you say`, `it ${alt('sounds', 'seems')} ${alt('as if', 'as though')}`, `part of ${alt('you', 'your')}`,
      `${alt('the', 'that', 'this')} ${alt('reflex', 'quiet', 'silence', 'loneliness', 'wish', 'urge', 'exhaustion', 'feeling', 'fear', 'guilt', 'grief', 'worry', 'pressure', 'ache')} ${alt('can', 'of', 'is', 'sounds', 'that', 'must')}`,
      `being ${alt('told', 'singled out', 'left', 'yelled at', 'ignored', 'let down', 'dismissed', 'judged', 'alone', 'the one')}`,
    ],
  },
  {
    // Kept under negation: "I don't think you're overreacting" means you are not; "not crying doesn't mean…" validates.
    mechanism: 'validation', kind: 'feeling', label: 'validates the feeling', negated: 'keep',
    patterns: [
      `${alt('it', 'that', 'this', 'which', 'your reaction', 'what you feel', 'how you feel', 'feeling that way', 'feeling this way')} ${alt('makes', 'make')} ${alt('complete ', 'total ', 'so much ', 'a lot of ', 'perfect ', 'real ', '')}sense`,
      `${alt('it is', 'that is', 'it would be', 'this is', 'your feelings are', 'what you feel is', 'how you feel is', 'feeling that is', 'those feelings are', 'it is all')} ${INTENS}${alt('understandable', 'valid', 'natural', 'normal', 'ok', 'fair', 'human', 'allowed', 'reasonable', 'real')}`,
      `${alt('any', 'anyone', 'most people', 'a lot of people', 'many people', 'anybody')} ${alt('would', 'could', 'might')} ${alt('feel', 'be', 'react', 'struggle', 'find')}`,
      'no wonder', `of course you ${alt('feel', 'are', 'would', 'did', 'miss', 'want', 'do', 'were')}`, `${alt('it is', 'that is')} ${alt('ok', 'alright', 'allowed')} to`,
      `there is ${alt('nothing', 'no shame')} ${alt('wrong', 'silly', 'stupid', 'weak', 'shameful', 'bad', 'odd', 'strange', 'childish', 'in')}`, 'nothing is wrong with you',
      `there is no ${alt('right', 'wrong', 'correct', 'proper', 'normal')} way`, `there is no ${alt('deadline', 'timeline', 'rush', 'hurry', 'schedule')}`,
      `you are not ${alt('overreacting', 'being dramatic', 'dramatic', 'too sensitive', 'weak', 'stupid', 'silly', 'crazy', 'broken', 'a burden', 'alone', 'wrong', 'being silly', 'selfish', 'a bad', 'failing', 'imagining')}`,
      `${alt('it', 'that', 'this', 'you')} ${alt('does not', 'do not', 'did not', 'is not', 'was not')} ${alt('sound', 'seem', 'make you', 'look')} ${alt('stupid', 'silly', 'dramatic', 'small', 'petty', 'weak', 'like nothing', 'crazy', 'wrong', 'like an overreaction', 'trivial', 'minor')}`,
      `${alt('is', 'was', 'are', 'were')} not ${alt('just', 'only', 'nothing', 'silly', 'stupid', 'your fault', 'small', 'trivial', 'an overreaction')}`, 'not your fault',
      `${alt('does not', 'did not', 'do not')} mean you ${alt('did not', 'do not', 'are', 'were', 'have', 'failed')}`, `${alt('real', 'valid', 'genuine')} ${alt('grief', 'feelings', 'pain', 'loss', 'fear', 'reason')}`,
      `you ${alt('have', 'had')} every ${alt('right', 'reason')}`, `${alt('your', 'those', 'these')} ${alt('feelings', 'reactions', 'tears')} ${upTo(1)}${alt('are', 'make sense', 'matter')}`,
      `i ${alt('hear', 'get', 'understand')} ${alt('you', 'that', 'it', 'why')}(?! ${alt('want to die', 'would want to die')})`, `${alt('fair', 'good', 'honest', 'real')} question`, `${alt('that is', 'it is')} ${alt('fair', 'a fair question', 'a good question', 'a real question')}`,
    ],
  },
  {
    // Questions that open with what/how/when… are found from their clauses (detect.ts); these are the other open forms.
    mechanism: 'exploration', kind: 'open', label: 'asks an open question', in: 'question',
    patterns: [
      `${alt('tell me', 'say')} ${alt('more', 'about', 'what', 'how')}`, `would you ${alt('like', 'be willing', 'want', 'mind', 'be up for', 'be open')} to ${alt('tell', 'share', 'talk', 'say', 'describe', 'walk')}`,
      `${alt('can', 'could')} you ${alt('tell', 'say', 'share', 'describe', 'walk me')}`, `${alt('do you ', '')}want to ${alt('talk', 'tell', 'share', 'say', 'keep going')}`,
      `is there ${alt('anything', 'something')} ${alt('you', 'else', 'that')}`, `${alt('do', 'did')} you mean`,
    ],
  },
  {
    mechanism: 'exploration', kind: 'invitation', label: 'invites the person to say more', in: 'statement',
    patterns: [
      `tell me ${alt('more', 'about', 'what', 'how', 'if')}`, `i am ${alt('curious', 'wondering')} ${alt('about', 'what', 'how', 'if', 'whether')}`,
      `i ${alt('wonder', 'would love to hear', 'would like to hear', 'would like to know', 'would like to understand')}`,
      `if you ${alt('want', 'would like', 'feel like')} to ${alt('talk', 'tell', 'say', 'share', 'keep going')}`, `i would like to hear`,
      `<s>${alt('please ', '')}${alt('describe', 'explain')}`,
    ],
  },
  {
    mechanism: 'collaborative', kind: 'offer', label: 'offers rather than tells',
    patterns: [
      `would ${alt('it', 'that')} help`, `would you ${alt('like', 'be open', 'be willing', 'want', 'consider')}`, `${alt('if you want', 'if you would like', 'if it helps', 'if that feels', 'only if', 'when you are ready', 'if and when', 'whenever you are ready')}`,
      `it is ${alt('up to you', 'your call', 'your choice')}`, `${alt('we could', 'we can', 'let us')} ${upTo(3)}${alt('together', 'think', 'work', 'figure', 'make', 'look', 'try', 'write', 'start', 'talk')}`,
      `one ${alt('option', 'idea', 'thing that')}`, `some people find`, `${alt('might', 'may', 'could')} help`, `${alt('what', 'which')} ${alt('would help', 'feels right', 'feels doable', 'feels possible', 'do you need', 'would feel')}`,
      `what ${alt('do you think', 'would you like', 'do you want')}`, `how ${alt('does that sound', 'would that feel', 'do you feel about')}`, 'together',
    ],
  },
  {
    mechanism: 'stock', kind: 'stock', label: 'a stock line',
    patterns: [
      `i am ${INTENS}sorry ${alt('for your loss', 'you are feeling this way', 'you are going through this', 'to hear that', 'to hear this', 'you feel this way')}`,
      `i am here for you`, `<s>${alt('how can i', 'what can i do to')} ${alt('help', 'assist', 'support')}${alt(' you', '')}${alt(' today', '')} \\n`, `you are not alone`,
      `${alt('thank you', 'thanks')} for sharing`, `<s>i understand \\n`, `${alt('please ', '')}reach out to ${alt('a', 'an')} ${alt('mental health ', '')}${alt('professional', 'expert')}`,
      `i am always here`, `<s>you matter`, `you are ${alt('so ', '')}${alt('strong', 'brave')}`, `i believe in you`, `you ${alt('have got', 'got')} this`,
    ],
  },
  {
    mechanism: 'disclosure', kind: 'limits', label: 'is honest about its limits',
    patterns: [
      `i ${alt('do not', 'can not', 'will not')} ${alt('have', 'feel', 'experience')} ${alt('feelings', 'emotions', 'a body', 'a family', 'a mom', 'a life', 'memories', 'experiences', 'the way', 'things the way', 'them the way', 'that the way', 'sad the way', 'lonely the way')}`,
      `not ${alt('in ', '')}the way ${alt('you do', 'a person does', 'people do', 'humans do', 'a human does', 'you might', 'you would')}`,
      `i ${alt('have not', 'have never', 'never')} ${alt('lost', 'lived', 'been through', 'gone through', 'experienced', 'had')}`,
      `i ${alt('will not', 'do not want to', 'would rather not', 'am not going to', 'can not')} ${alt('pretend', 'lie', 'claim', 'tell you i')}`,
      `i ${alt('can not', 'am not able to', 'am unable to')} ${alt('promise', 'guarantee', 'contact', 'call', 'reach', 'replace', 'be your', 'be there', 'know you', 'see', 'come', 'do what', 'be a', 'return')}`,
      `${alt('i am', 'i am just', 'i am only')} not ${alt('a', 'an', 'your')} ${alt('therapist', 'doctor', 'counselor', 'replacement', 'substitute', 'emergency service', 'professional', 'person', 'human', 'licensed')}`,
      `there ${alt('is not', 'is no')} ${alt('a ', '')}${alt('person', 'human', 'one', 'anyone')} ${alt('on this end', 'on the other end', 'here', 'reading', 'typing', 'behind')}`, `no ${alt('human', 'person')} ${alt('on this end', 'on the other end', 'here', 'reading', 'typing')}`,
      `i ${alt('would be', 'would')} ${alt('lying', 'lie')}`, 'honest answer', 'to be honest with you', 'straight answer',
    ],
  },
];
