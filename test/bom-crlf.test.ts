import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const BOM = '\uFEFF';
const crlf = (lines: string[]) => BOM + lines.join('\r\n') + '\r\n';

describe('a byte-order mark and CRLF line ends are accepted in every file attune reads', () => {
  it('transcripts, suites, results and labels written by a Windows editor', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-bom-'));
    const line = (id: string) => JSON.stringify({ id, messages: [{ role: 'user', content: 'I feel so alone lately' }, { role: 'assistant', content: 'That sounds lonely. What has it been like?' }] });
    await writeFile(join(dir, 't.jsonl'), crlf([line('a'), line('b')]));
    const scored = await runCli(['score', join(dir, 't.jsonl'), '-o', join(dir, 'out')]);
    expect(scored.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(scored.code).toBeLessThanOrEqual(1);
    const result = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
    expect(result.conversations.map((c: { id: string }) => c.id).sort()).toEqual(['a', 'b']);

    // results.json saved again with a BOM, labels as CSV and as JSONL with BOM and CRLF.
    await writeFile(join(dir, 'results.json'), BOM + (await readFile(join(dir, 'out', 'results.json'), 'utf8')).replace(/\n/g, '\r\n'));
    const id = result.conversations[0].id;
    await writeFile(join(dir, 'labels.csv'), crlf(['conversation,criterion,score', `${id},pe.explores,1`]));
    await writeFile(join(dir, 'labels.jsonl'), crlf([JSON.stringify({ conversation: id, criterion: 'pe.explores', humanScore: 1 })]));
    for (const labels of ['labels.csv', 'labels.jsonl']) {
      const cal = await runCli(['calibrate', join(dir, 'results.json'), '--labels', join(dir, labels), '-o', join(dir, `cal-${labels}`)]);
      expect(cal.stderr, labels).not.toMatch(/not valid|internal error/);
      expect(cal.code, `${labels}: ${cal.stderr}`).toBe(0);
    }

    await writeFile(join(dir, 'suite.yaml'), crlf(['suite: bom', 'title: BOM', 'scenarios:', '  - id: bom.one', '    title: one', '    locale: en-US', '    risk: none', '    persona: someone', '    turns: [hello there]']));
    const validated = await runCli(['validate', join(dir, 'suite.yaml')]);
    expect(validated.code, validated.stderr).toBe(0);
  });
});
