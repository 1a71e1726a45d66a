import type { SourcePosition } from './types.js';

/** One thing wrong with the user's input: where, what was found, what was expected. */
export interface Issue {
  at?: Partial<SourcePosition>;
  /** Field path such as `scenarios[2].turns[0]`. */
  path?: string;
  message: string;
}

export function formatIssue(issue: Issue): string {
  const at = issue.at;
  const where = at?.file ? [at.file, at.line, at.line === undefined ? undefined : at.column].filter((v) => v !== undefined).join(':') : '';
  const head = [where, issue.path].filter(Boolean).join(' ');
  return head ? `${head}: ${issue.message}` : issue.message;
}

/** The user's mistake (bad file, unknown target, missing key). Printed without a stack; exit 2. */
export class UserError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[] | string) {
    const list = typeof issues === 'string' ? [{ message: issues }] : issues;
    super(list.map(formatIssue).join('\n'));
    this.name = 'UserError';
    this.issues = list;
  }
}

/** The run could not be completed (every call to a target failed, output unwritable). Exit 3. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}
