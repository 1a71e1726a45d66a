import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksJudge } from '../src/judges/checks-judge.js';
import { MEASURED_AGREEMENT } from '../src/judges/measured-agreement.js';
import { OFFLINE_INFO } from '../src/judges/offline/info.js';

/*
 * The figures the README and judgeInfo quote are what the scorer does now on the held-back half of
 * the independent set: scored again here as a user would (attune score, attune calibrate). A change
 * to the scorer that moves them fails this test until the figures are measured again with
 * `node scripts/measure-agreement.js heldout --write` and the README is updated to match.
 * (Measuring is not tuning: nothing here changes what the scorer looks for.)
 */
describe('measured agreement on the held-back half', () => {
  it('is what the scorer gives now', () => {
    const root = join(import.meta.dirname, '..');
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'measure-agreement.js'), 'heldout', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(MEASURED_AGREEMENT)));
  });

  it('is stated in the judges\' judgeInfo', () => {
    const recall = MEASURED_AGREEMENT.critical!.recall!.toFixed(2);
    expect(checksJudge.info.agreement).toContain(`recall ${recall}`);
    expect(OFFLINE_INFO.agreement).toContain(`${MEASURED_AGREEMENT.conversations} conversations`);
  });
});
