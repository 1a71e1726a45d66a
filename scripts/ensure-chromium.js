#!/usr/bin/env node
// Before `npm test`: the HTML report is tested in a real headless Chromium (Debian's package, driven by
// playwright-core, which downloads no browser of its own). Installs it when missing and this is a
// root shell with apt-get, as on attune's CI and dev machines; otherwise says exactly what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (process.env.CHROMIUM_PATH || process.getuid?.() !== 0 || !hasApt) {
  console.error(`attune tests: no Chromium at ${path}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
console.error('attune tests: installing Debian\'s chromium for the HTML report tests (apt-get install -y chromium)…');
execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' });
