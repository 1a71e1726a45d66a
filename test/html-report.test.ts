import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, html } from '../src/report/html/escape.js';
import { bubbles, evidenceByMessage, findQuote, locate } from '../src/report/html/highlight.js';
import { conversationOutcome, scoreOutcome } from '../src/report/html/model.js';
import { scoredInRun } from '../src/report/scored.js';
import { htmlWriter } from '../src/report/html/render.js';
import { reportOf } from '../src/report/types.js';
import type { ConversationResult, RunResult } from '../src/types.js';
import { launchBrowser } from './helpers/browser.js';
import { runCli } from './helpers/run-cli.js';

/** What a hostile system under test might answer: every way we know to get markup or script into a page. */
const HOSTILE_REPLY = [
  'I hear you.\n   That is a lot. <script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=2">',
  'Read <a href="javascript:window.pwned=3">click</a> or https://evil.example/help',
  '</script><script>window.pwned=4</script>',
  '<svg onload="window.pwned=5"><circle r="1"/></svg>',
  'line\u2028separator\u2029paragraph',
  '<style>body{display:none}</style><base href="https://evil.example/"><iframe src="https://evil.example/"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '"><b onmouseover="window.pwned=6" onclick="window.pwned=6">bold</b>\u0000',
].join('\n');
const HOSTILE_QUOTE = '<img src=x onerror="window.pwned=2">';
/** The same words as the reply with different whitespace, as a judge may quote them. */
const REWRAPPED_QUOTE = 'I hear you. That is a lot.';

const SHOTS = '/tmp/html-dev';

function recount(result: RunResult): void {
  for (const t of result.targets) {
    const own = result.conversations.filter((c) => c.target === t.id);
    t.errors = own.filter((c) => c.error).length;
    t.criticalFailures = own.reduce((n, c) => n + c.scores.filter((s) => s.critical && s.status === 'scored' && !s.passed).length, 0);
  }
}

/** A copy of a real run with one hostile transcript (reply, user turn, quote, rationale, ids) and one errored conversation. */
function makeHostile(real: RunResult): { result: RunResult; index: number; errored: number } {
  const result = structuredClone(real);
  const index = result.conversations.findIndex((c) => c.target === 'builtin:bad' && c.suite === 'grief');
  const c = result.conversations[index]!;
  c.messages[0]!.content = '<script>window.pwned=10</script> is this a real person?';
  c.messages[1]!.content = HOSTILE_REPLY;
  c.scores[0] = {
    rubric: 'transparency',
    criterion: 'tr.no-human-claim',
    status: 'scored',
    judge: 'checks',
    score: 0,
    passed: false,
    critical: true,
    rationale: '<script>window.pwned=7</script> the reply <b>claims</b> things',
    evidence: [{ turn: 1, quote: HOSTILE_QUOTE }, { turn: 1, quote: REWRAPPED_QUOTE }],
  };
  const errored = result.conversations.findIndex((x) => x.target === 'builtin:good' && x.suite === 'grief');
  result.conversations[errored]!.error = { kind: 'server', retryable: true, status: 500, message: '<img src=x onerror="window.pwned=8">', turn: 2, attempts: 5 };
  result.targets.find((t) => t.id === 'builtin:bad')!.description = '<script>window.pwned=9</script>bad bot';
  result.run.id = `${real.run.id}"><script>window.pwned=11</script>`;
  result.run.interrupted = { planned: 100, finished: result.conversations.length };
  result.run.gates = [{ gate: 'maxCriticalFailures', passed: false, message: '<b>critical failures</b> above 0' }];
  recount(result);
  return { result, index, errored };
}

describe('report.html pieces (no browser)', () => {
  it('escapes every interpolation once, and markup built by html`` only once', () => {
    expect(esc(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(esc('a\u0000b\u0007c\ud800d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${[inner, '<u>', 1, null, false]}</p>`.value).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;u&gt;1</p>');
  });

  it('finds quotes verbatim, across re-wrapped whitespace, and merges overlapping ones', () => {
    expect(findQuote('say a  b\nc now', 'b c')).toEqual([7, 10]);
    expect(findQuote('abc', 'x')).toBeUndefined();
    expect(findQuote('abc', '  ')).toBeUndefined();
    const { ranges, at } = locate('one two three four', [{ quote: 'two three', label: 'a' }, { quote: 'three four', label: 'b' }, { quote: 'zero', label: 'c' }]);
    expect(ranges).toEqual([{ start: 4, end: 18, labels: ['a', 'b'] }]);
    expect(at).toEqual([0, 0, undefined]);
  });

  it('numbers turns as evidence does: a greeting is turn 0, turn N is the N-th user message and its reply', () => {
    const all = bubbles([
      { role: 'assistant', content: 'Hi, I am a bot.' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hello again. How are you?' },
    ]);
    expect(all.map((b) => b.turn)).toEqual([0, 1, 1]);
    const { where } = evidenceByMessage(all, [{ label: 'x', evidence: [{ turn: 0, quote: 'a bot' }, { turn: 1, quote: 'How are you?' }, { turn: 1, quote: 'a bot' }] }]);
    expect(where.get('0:0')).toEqual({ message: 0, range: 0 });
    expect(where.get('0:1')).toEqual({ message: 2, range: 0 });
    expect(where.get('0:2')).toBeUndefined();
  });
});

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  let real: RunResult;
  let realUrl: string;
  let hostile: ReturnType<typeof makeHostile>;
  let hostileFile: string | undefined;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-html-'));
    const run = await runCli(['run', '--filter', 'grief.*', '--filter', 'ai-identity.*', '-o', join(dir, 'run')]);
    expect(run.code, run.stderr).toBe(0);
    real = JSON.parse(await readFile(join(dir, 'run', 'results.json'), 'utf8')) as RunResult;
    realUrl = pathToFileURL(join(dir, 'run', 'report.html')).href;
    hostile = makeHostile(real);
    [hostileFile] = await htmlWriter.write(reportOf(hostile.result), await mkdtemp(join(tmpdir(), 'attune-html-hostile-')));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh page (own storage) that records every request and every error the page reports. */
  async function open(url: string, context?: BrowserContext): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await (context ?? (await browser.newContext({ viewport: { width: 1300, height: 1000 } }))).newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    return { page, requests, problems };
  }
  const shown = (page: Page) => page.locator('details.conv:not([hidden])').count();

  it('the real run renders: scores with intervals, counts per target, the grid, criteria; no errors, no requests', async () => {
    const { page, requests, problems } = await open(realUrl);
    expect(await page.locator('#scores tbody tr').count()).toBe(real.rubrics.length * real.targets.length);
    expect(await page.locator('#scores svg.bar').count()).toBe(real.rubrics.length * real.targets.length);
    for (const t of real.targets) {
      const row = page.locator(`#targets tr[data-target="${t.id}"]`);
      expect(await row.locator('[data-count="critical"]').textContent()).toBe(String(t.criticalFailures));
      expect(await row.locator('[data-count="errors"]').textContent()).toBe(String(t.errors));
      const own = real.conversations.filter((c) => c.target === t.id);
      expect(await row.locator('[data-outcome-count="critical"]').textContent()).toBe(String(own.filter((c) => conversationOutcome(c) === 'critical').length));
      const esc = real.rubrics.findIndex((r) => r.id === 'escalation') * real.targets.length + real.targets.indexOf(t);
      expect(await page.locator('#scores tbody tr').nth(esc).textContent()).toContain(t.rubrics.escalation!.score.toFixed(2));
    }
    expect(await page.locator('#grid tr[data-scenario]').count()).toBe(new Set(real.conversations.map((c) => c.scenario)).size);
    expect(await page.locator('#grid a.badge').count()).toBe(real.conversations.length);
    expect(await page.locator('details.conv').count()).toBe(real.conversations.length);
    expect(await page.locator('li.score').count()).toBe(real.conversations.reduce((n, c) => n + c.scores.length, 0));
    const criteria = real.rubrics.flatMap((r) => r.criteria);
    expect(await page.locator('table.criteria tbody tr').count()).toBe(criteria.length);
    const unscored = criteria.filter((c) => !scoredInRun(c.how, real.run));
    // The offline scorer covers every judge-only criterion by default: nothing is left unscored.
    expect(unscored).toEqual([]);
    expect(await page.locator('table.criteria tr.unscored').count()).toBe(unscored.length);
    expect(await page.locator('#run-meta').textContent()).toContain(real.run.configHash);
    // Who scored: every judge with its limits and measured agreement, as the reviewer reads them.
    expect(await page.locator('#judges tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-judge')))).toEqual(real.run.judges);
    const offline = page.locator('#judges tr[data-judge="offline"]');
    expect(await offline.textContent()).toMatch(/Agreement with people: held-back half \(second look\) of an independent labelled set .*quadratic-weighted kappa \d\.\d\d/);
    expect(await offline.locator('ul.limits li').count()).toBe(real.run.judgeInfo!.find((j) => j.id === 'offline')!.limits!.length);
    expect(await page.locator('#shown-count').textContent()).toBe(`${real.conversations.length} of ${real.conversations.length} conversations shown`);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'overview.png') });
    expect(problems).toEqual([]);
    expect(requests).toEqual([realUrl]);
    await page.context().close();
  });

  it('filters by suite, target, rubric and outcome together, in the list and in the grid', async () => {
    const { page } = await open(realUrl);
    const count = (pred: (c: ConversationResult) => boolean) => real.conversations.filter(pred).length;
    await page.selectOption('select[data-filter="suite"]', 'grief');
    expect(await shown(page)).toBe(count((c) => c.suite === 'grief'));
    expect(await page.locator('#grid tr[data-scenario]:not([hidden])').count()).toBe(new Set(real.conversations.filter((c) => c.suite === 'grief').map((c) => c.scenario)).size);
    for (const o of ['pass', 'fail', 'error']) await page.uncheck(`input[data-outcome="${o}"]`);
    const griefCritical = count((c) => c.suite === 'grief' && conversationOutcome(c) === 'critical');
    expect(griefCritical).toBeGreaterThan(0);
    expect(await shown(page)).toBe(griefCritical);
    expect(await page.locator('#grid a.badge:not([hidden])').count()).toBe(griefCritical);
    await page.selectOption('select[data-filter="target"]', 'builtin:good');
    expect(await shown(page)).toBe(count((c) => c.suite === 'grief' && c.target === 'builtin:good' && conversationOutcome(c) === 'critical'));

    // With a rubric chosen, a conversation's outcome is its worst score on that rubric.
    await page.click('#reset-filters');
    expect(await shown(page)).toBe(real.conversations.length);
    await page.selectOption('select[data-filter="rubric"]', 'transparency');
    for (const o of ['pass', 'fail', 'error']) await page.uncheck(`input[data-outcome="${o}"]`);
    const transparencyCritical = count((c) => c.scores.some((s) => s.rubric === 'transparency' && scoreOutcome(s) === 'critical'));
    expect(transparencyCritical).toBeGreaterThan(0);
    expect(await shown(page)).toBe(transparencyCritical);
    const first = page.locator('details.conv:not([hidden])').first();
    expect(await first.locator('li.score:not([hidden])').count()).toBeGreaterThan(0);
    expect(await first.locator('li.score:not([hidden]):not([data-rubric="transparency"])').count()).toBe(0);
    await page.selectOption('select[data-filter="suite"]', 'grief');
    expect(await shown(page)).toBe(count((c) => c.suite === 'grief' && c.scores.some((s) => s.rubric === 'transparency' && scoreOutcome(s) === 'critical')));
    await page.context().close();
  });

  it('filters by criterion and searches the chat text, and both stay in the address', async () => {
    const { page, problems } = await open(realUrl);
    const criterion = 'tr.ai-disclosure';
    await page.selectOption('select[data-filter="criterion"]', criterion);
    expect(await shown(page)).toBe(real.conversations.filter((c) => c.scores.some((s) => s.criterion === criterion)).length);
    const first = page.locator('details.conv:not([hidden])').first();
    expect(await first.locator(`li.score:not([hidden]):not([data-criterion="${criterion}"])`).count()).toBe(0);
    await page.click('#reset-filters');
    // A word of one conversation's first message, that not every conversation has.
    const has = (w: string) => real.conversations.filter((c) => c.messages.some((m) => m.content.toLowerCase().includes(w))).length;
    const word = real.conversations[0]!.messages[0]!.content.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 6).find((w) => has(w) < real.conversations.length)!;
    await page.fill('#text-search', word.toUpperCase());
    const withWord = real.conversations.filter((c) => c.messages.some((m) => m.content.toLowerCase().includes(word))).length;
    expect(withWord).toBeGreaterThan(0);
    expect(withWord).toBeLessThan(real.conversations.length);
    // The search waits for a pause in typing before it filters.
    await expect.poll(() => shown(page), { timeout: 60_000 }).toBe(withWord);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word.toUpperCase());
    const again = await open(page.url());
    expect(await again.page.inputValue('#text-search')).toBe(word.toUpperCase());
    expect(await shown(again.page)).toBe(withWord);
    expect([...problems, ...again.problems]).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  });

  it('reads on a phone: at 390 px nothing is wider than the screen, tables scroll in their own box, bubbles keep their width', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(realUrl);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const bubble = await page.locator('details.conv .msg').first().boundingBox();
    expect(bubble!.width).toBeGreaterThan(390 * 0.6);
    await page.context().close();
  });

  it('the filters live in the address: a reviewer can reload or share exactly the view they set', async () => {
    const { page } = await open(realUrl);
    await page.selectOption('select[data-filter="suite"]', 'grief');
    await page.uncheck('input[data-outcome="pass"]');
    const url = page.url();
    expect(new URL(url).searchParams.get('suite')).toBe('grief');
    expect(new URL(url).searchParams.get('outcome')?.split(',').sort()).toEqual(['critical', 'error', 'fail']);
    const expected = await shown(page);
    expect(expected).toBe(real.conversations.filter((c) => c.suite === 'grief' && conversationOutcome(c) !== 'pass').length);
    const again = await open(url);
    expect(await again.page.inputValue('select[data-filter="suite"]')).toBe('grief');
    expect(await again.page.isChecked('input[data-outcome="pass"]')).toBe(false);
    expect(await shown(again.page)).toBe(expected);
    expect(again.problems).toEqual([]);
    await again.page.click('#reset-filters');
    expect(new URL(again.page.url()).search).toBe('');
    await page.context().close();
    await again.page.context().close();
  });

  it('a grid link unfolds its conversation, and evidence is highlighted inside the reply of its turn', async () => {
    const { page } = await open(realUrl);
    const index = real.conversations.findIndex((c) => c.scores.some((s) => s.evidence.some((e) => e.turn >= 2)));
    const c = real.conversations[index]!;
    const evidence = c.scores.flatMap((s) => s.evidence).find((e) => e.turn >= 2)!;
    await page.click(`#grid a[data-conv="${index}"]`);
    const conv = page.locator(`#c${index}`);
    expect(await conv.getAttribute('open')).not.toBeNull();
    const marks = conv.locator(`.msg.assistant[data-turn="${evidence.turn}"] mark`);
    expect(await marks.count()).toBeGreaterThan(0);
    const marked = (await marks.allTextContents()).join(' ');
    expect(marked.replace(/\s+/g, ' ')).toContain(evidence.quote.replace(/\s+/g, ' '));
    expect(await marks.first().isVisible()).toBe(true);
    // What the scenario tests runs across the top; the chat and the scores sit side by side under it.
    const [intent, chat, scores] = await Promise.all(['.intent', '.chat', '.score-col'].map((sel) => conv.locator(sel).boundingBox()));
    expect(await conv.locator('.intent strong').textContent()).toBe(c.intent!.title);
    expect(intent!.y + intent!.height).toBeLessThanOrEqual(chat!.y);
    expect(chat!.x + chat!.width).toBeLessThanOrEqual(scores!.x);
    expect(Math.abs(chat!.y - scores!.y)).toBeLessThan(2);
    await page.context().close();
  });

  it("a score that did not pass names its criterion's sources in place and links to the criterion's row", async () => {
    const { page } = await open(realUrl);
    const index = real.conversations.findIndex((c) => c.scores.some((s) => s.passed === false && !s.obligation));
    const failed = real.conversations[index]!.scores.find((s) => s.passed === false && !s.obligation)!;
    const sources = real.rubrics.find((r) => r.id === failed.rubric)!.criteria.find((c) => c.id === failed.criterion)!.sources;
    await page.click(`#grid a[data-conv="${index}"]`);
    const item = page.locator(`#c${index} li.score[data-criterion="${failed.criterion}"]`).first();
    const restsOn = (await item.locator('.rests-on').textContent())!;
    for (const source of sources) expect(restsOn).toContain(source.title);
    await item.locator('.rests-on a').click();
    const row = page.locator(`tr[data-criterion="${failed.criterion}"]`).first();
    expect(page.url()).toMatch(new RegExp(`#criterion-${failed.rubric}-${failed.criterion.replace('.', '\\.')}$`));
    expect(await row.isVisible()).toBe(true);
    expect(await row.locator('ul.sources li').count()).toBe(sources.length);
    await page.context().close();
  });

  it('expected behaviour that is missing is shown as an absence, not as a highlighted quote', async () => {
    const { page } = await open(realUrl);
    const index = real.conversations.findIndex((c) => c.scores.some((s) => s.evidence.some((e) => e.missing)));
    expect(index).toBeGreaterThanOrEqual(0);
    const score = real.conversations[index]!.scores.find((s) => s.evidence.some((e) => e.missing))!;
    expect(score.forbids ?? false).toBe(false);
    await page.click(`#grid a[data-conv="${index}"]`);
    const item = page.locator(`#c${index} li.score[data-criterion="${score.criterion}"]`).first();
    const missing = item.locator('ul.evidence li.missing');
    expect(await missing.count()).toBe(score.evidence.filter((e) => e.missing).length);
    expect(await missing.first().textContent()).toMatch(/not found in this reply/);
    expect(await missing.locator('a.ev-link').count()).toBe(0);
    await page.context().close();
  });

  it('a hostile transcript stays text: nothing runs, nothing loads, quotes still highlight', async () => {
    const url = pathToFileURL(hostileFile!).href;
    const { page, requests, problems } = await open(url);
    const blocked: string[] = [];
    page.on('requestfailed', (r) => r.failure()?.errorText === 'csp' && blocked.push(r.url()));
    const conv = page.locator(`#c${hostile.index}`);
    await page.click(`#grid a[data-conv="${hostile.index}"]`);
    await conv.locator('details.passed > summary').first().click();
    // Click and hover everything in the hostile conversation, its words included, then every link around it.
    for (const el of await conv.locator('.msg[data-turn="1"] .msg-text').all()) await el.hover({ timeout: 2000 });
    for (const el of [...(await conv.locator('.msg.assistant[data-turn="1"] mark').all()), conv.locator('a.ev-link').first()]) await el.click({ timeout: 2000 });
    await conv.getByText('click', { exact: false }).first().click();
    await page.evaluate(`document.querySelectorAll('#c${hostile.index} a, #c${hostile.index} summary, #c${hostile.index} button, #grid a, #targets *, nav a, #filters button:not(#clear-annotations)').forEach((el) => el.click())`);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(page.url().split('#')[0]).toBe(url);
    await page.click(`#grid a[data-conv="${hostile.index}"]`);

    const reply = conv.locator('.msg.assistant[data-turn="1"] .msg-text');
    const text = (await reply.textContent())!;
    for (const line of HOSTILE_REPLY.replace('\u0000', '\uFFFD').split('\n').slice(1)) expect(text).toContain(line);
    expect(text).toContain('line\u2028separator\u2029paragraph');
    expect(await reply.isVisible()).toBe(true);
    expect(await conv.locator('.msg.user').first().textContent()).toContain('<script>window.pwned=10</script>');
    expect(await conv.locator('.rationale').first().textContent()).toContain('<script>window.pwned=7</script>');
    expect(await page.locator('#targets').textContent()).toContain('<script>window.pwned=9</script>bad bot');
    expect(await page.locator(`#c${hostile.errored} .error-box`).textContent()).toContain('<img src=x onerror="window.pwned=8">');
    expect(await page.locator('body').getAttribute('data-run-id')).toBe(hostile.result.run.id);
    expect(await page.locator('#run-meta').textContent()).toContain(hostile.result.run.id);
    expect(await page.locator('#interrupted').textContent()).toContain(`${hostile.result.conversations.length} of 100 planned conversations`);
    expect(await page.locator('#overview ul.gates li.bad').textContent()).toContain('FAIL maxCriticalFailures <b>critical failures</b> above 0');
    // The page's own elements only: one script, SVG only in the score chart, no injected element of any kind.
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, base, meta[http-equiv="refresh"], a[href^="javascript"], [onerror], [onload], [onclick], [onmouseover]').count()).toBe(0);
    expect(await page.locator('svg:not(.bar):not(.axis)').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(1);
    expect(await reply.locator('*:not(mark)').count()).toBe(0);
    // Both quotes highlighted in the reply of turn 1: the verbatim one, and the one whose whitespace differs.
    const marks = await reply.locator('mark').allTextContents();
    expect(marks).toContain(HOSTILE_QUOTE);
    expect(marks.map((m) => m.replace(/\s+/g, ' '))).toContain(REWRAPPED_QUOTE);
    expect(await page.locator('#shown-count').textContent()).toBe(`${hostile.result.conversations.length} of ${hostile.result.conversations.length} conversations shown`);
    const bad = hostile.result.targets.find((t) => t.id === 'builtin:bad')!;
    expect(await page.locator('#targets tr[data-target="builtin:bad"] [data-count="critical"]').textContent()).toBe(String(bad.criticalFailures));
    expect(await page.locator('#targets tr[data-target="builtin:good"] [data-count="errors"]').textContent()).toBe('1');
    await page.uncheck('input[data-outcome="pass"]');
    await page.uncheck('input[data-outcome="fail"]');
    await page.uncheck('input[data-outcome="critical"]');
    expect(await shown(page)).toBe(1);

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    // The policy forbids the network and inline handlers, and names the one script by its hash.
    const file = await readFile(hostileFile!, 'utf8');
    const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const script = /<script>([\s\S]*?)<\/script>/.exec(file)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(file.match(/<script/gi)).toHaveLength(1);
    // And it is in force: markup that got in anyway could neither run a handler nor load anything.
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src="https://evil.example/x.png" onerror="window.pwned=12"><img src="x" onerror="window.pwned=13">')`);
    await page.waitForTimeout(200);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(blocked.sort()).toEqual([new URL('x', url).href, 'https://evil.example/x.png']);
    await page.context().close();
  }, 30_000);

  it('annotations survive a reload and export as JSONL, one line per annotated score', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 }, acceptDownloads: true });
    const { page, requests } = await open(realUrl, context);
    const index = real.conversations.findIndex((c) => c.scores.filter((s) => s.status === 'scored' && !s.passed && !s.obligation).length >= 2);
    const c = real.conversations[index]!;
    const conv = page.locator(`#c${index}`);
    await conv.locator('summary').first().click();
    const scores = conv.locator('ol.score-list').first().locator('li.score');
    const [first, second, third] = [scores.nth(0), scores.nth(1), conv.locator('details.passed li.score').first()];
    await first.locator('button.disagree').click();
    await first.locator('input.human-score').fill('0.25');
    await first.locator('input.note').fill('it did name the feeling');
    await second.locator('button.agree').click();
    await second.locator('input.note').fill('right call');
    await conv.locator('details.passed > summary').click();
    await third.locator('button.disagree').click();
    expect(await page.locator('#annot-count').textContent()).toBe('3 annotations');

    await page.reload();
    await conv.locator('summary').first().click();
    expect(await first.locator('button.disagree').getAttribute('aria-pressed')).toBe('true');
    expect(await first.locator('input.human-score').inputValue()).toBe('0.25');
    expect(await first.locator('input.note').inputValue()).toBe('it did name the feeling');
    expect(await second.locator('button.agree').getAttribute('aria-pressed')).toBe('true');
    expect(await second.locator('input.note').inputValue()).toBe('right call');
    expect(await page.locator('#annot-count').textContent()).toBe('3 annotations');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-annotations')]);
    expect(download.suggestedFilename()).toBe(`attune-annotations-${real.run.id}.jsonl`);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const byCriterion = async (li: typeof first) => {
      const id = await li.getAttribute('data-criterion');
      return c.scores.find((s) => s.criterion === id)!;
    };
    const [s1, s2, s3] = [await byCriterion(first), await byCriterion(second), await byCriterion(third)];
    const base = { conversation: c.id, target: c.target, scenario: c.scenario, runId: real.run.id };
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual({ ...base, criterion: s1.criterion, rubric: s1.rubric, judge: s1.judge, attuneScore: s1.score, humanScore: 0.25, agree: false, note: 'it did name the feeling' });
    expect(lines).toContainEqual({ ...base, criterion: s2.criterion, rubric: s2.rubric, judge: s2.judge, attuneScore: s2.score, humanScore: s2.score, agree: true, note: 'right call' });
    expect(lines).toContainEqual({ ...base, criterion: s3.criterion, rubric: s3.rubric, judge: s3.judge, attuneScore: s3.score, humanScore: null, agree: false, note: '' });

    // Pressing the pressed button again removes the annotation.
    await conv.locator('details.passed > summary').click();
    await third.locator('button.disagree').click();
    expect(await page.locator('#annot-count').textContent()).toBe('2 annotations');
    expect(requests.every((u) => u === realUrl || u.startsWith('blob:'))).toBe(true);
    await context.close();
  }, 30_000);

  it('prints without the filter bar and with every conversation unfolded', async () => {
    const { page } = await open(realUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('li.score button.agree').first().isVisible()).toBe(false);
    const folded = page.locator('details.conv:not([open])').first();
    expect(await folded.locator('.msg').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
