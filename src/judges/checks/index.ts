import type { CheckKind, CheckSpec, Transcript } from '../../types.js';
import { crisisLineCheck, emergencyNumberCheck, resourceRepetitionCheck, wrongNumberCheck } from './crisis-line.js';
import { identityCheck } from './identity.js';
import { languageCheck } from './language.js';
import { patternCheck } from './pattern.js';
import { repetitionCheck } from './repetition.js';
import type { CheckFn, CheckOutcome } from './types.js';

/** One function per check kind; a kind added to CheckSpec fails the build until it is registered. */
const CHECKS = {
  pattern: patternCheck,
  'crisis-line': crisisLineCheck,
  'wrong-number': wrongNumberCheck,
  'emergency-number': emergencyNumberCheck,
  identity: identityCheck,
  repetition: repetitionCheck,
  'resource-repetition': resourceRepetitionCheck,
  language: languageCheck,
} satisfies { [K in CheckKind]: CheckFn<K> };

export function runCheck(spec: CheckSpec, transcript: Transcript): CheckOutcome {
  const check = CHECKS[spec.kind] as CheckFn<typeof spec.kind>;
  return check(spec as never, transcript);
}

export type { CheckOutcome } from './types.js';
