import { BUNDLED } from '../../src/config/files.js';
import { loadProjectOrThrow } from '../../src/config/load.js';
import { checksJudge } from '../../src/judges/checks-judge.js';
import type { Criterion, Rubric, Score, Transcript } from '../../src/types.js';

let rubrics: Promise<Rubric[]> | undefined;

/** The bundled rubrics, loaded once through the real loader. */
export function bundledRubrics(): Promise<Rubric[]> {
  rubrics ??= loadProjectOrThrow([BUNDLED.rubrics], { bundledDefaults: false }).then((p) => p.rubrics);
  return rubrics;
}

export async function criterion(id: string): Promise<Criterion> {
  const found = (await bundledRubrics()).flatMap((r) => r.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

/** Runs one bundled criterion's check on a transcript; undefined when it does not apply. */
export async function judge(id: string, t: Transcript): Promise<Score | undefined> {
  return (await checksJudge.score(t, [await criterion(id)]))[0];
}
