import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadFiles } from '../src/config/load.js';
import { readTranscripts } from '../src/config/transcripts.js';
import { parseYaml } from '../src/config/yaml.js';
import { UserError } from '../src/errors.js';
import { render } from '../src/targets/http.js';

/* Files from others are untrusted: whatever they hold, the loaders answer with issues or a
 * UserError (exit 2), never another exception and never a hang. Bounded runs, fixed seed. */
const runs = { numRuns: 200, seed: 20261122 };

const isUserError = (error: unknown) => error instanceof UserError;

describe('fuzz: loaders never crash', () => {
  it('YAML parsing of arbitrary text (control characters, odd encodings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (text) => {
        try {
          parseYaml('f.yaml', text);
        } catch (error) {
          expect(isUserError(error)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('suite and rubric files with arbitrary values in every shape', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ suite: fc.anything(), title: fc.anything(), scenarios: fc.oneof(fc.anything(), fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'locale', 'risk', 'persona', 'turns', 'expect', 'tags', 'x'), fc.anything()), { maxLength: 3 })) }, { requiredKeys: ['scenarios'] }),
        async (value) => {
          const file = join(dir, `f${n++}.yaml`);
          await writeFile(file, stringify(value));
          const { issues } = await loadFiles([file], { bundledDefaults: false });
          for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
        },
      ),
      { ...runs, numRuns: 100 },
    );
  });

  it('deep nesting and huge files are clear errors', () => {
    expect(() => parseYaml('deep.yaml', `a: ${'['.repeat(20000)}${']'.repeat(20000)}`)).toThrow(/nests too deeply|invalid YAML/);
    expect(() => parseYaml('big.yaml', `a: "${'x'.repeat(9 * 1024 * 1024)}"`)).toThrow(/up to 8 MB/);
  });

  it('transcript files: any line is a transcript or a located UserError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.json(), fc.string(), fc.constant('{"messages":[{"role":"user","content":"hi"}]}')), { minLength: 1, maxLength: 5 }), async (lines) => {
        const file = join(dir, `t${n++}.jsonl`);
        await writeFile(file, `${lines.join('\n')}\n`);
        try {
          const { transcripts } = await readTranscripts(file, [], 'en-US');
          expect(transcripts.length).toBeGreaterThan(0);
        } catch (error) {
          expect(isUserError(error)).toBe(true);
        }
      }),
      runs,
    );
  });
});

describe('fuzz: HTTP bodies stay valid JSON whatever the conversation holds', () => {
  it('placeholders substituted into a template round-trip exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), fc.string({ unit: 'binary' }), (contents, session) => {
        const messages = contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content }));
        const last = contents.at(-1)!;
        const body = render({ all: '{{messages}}', text: 'said: {{lastUserMessage}}', sid: '{{sessionId}}' }, { messages, lastUserMessage: last, sessionId: session });
        const parsed = JSON.parse(JSON.stringify(body)) as { all: unknown; text: string; sid: string };
        expect(parsed.all).toEqual(messages);
        expect(parsed.text).toBe(`said: ${last}`);
        expect(parsed.sid).toBe(session);
      }),
      runs,
    );
  });
});
