import { rename, writeFile } from 'node:fs/promises';

/** Write via a temp file and rename, so a crash never leaves a half-written report. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}
