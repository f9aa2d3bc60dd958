// Checks one graded reports folder as a student would see it, in a real browser:
//   node check.mjs REPORTS_DIR MODULE_DIR SCREENSHOT.png
// - report.html renders in headless Chromium without fetching anything (no script, font or image
//   from anywhere), shows the score table, every part of MODULE_DIR's rubric, its tests, and an
//   SVG timeline for at least one failing test; no hidden test's name appears anywhere in it;
// - every Mermaid block of summary.md renders with the Mermaid CLI (a syntax error fails);
// - a full-page screenshot is written for a human to look at.
// Exits 1 with one line per problem.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [reportsDir, moduleDir, screenshot] = process.argv.slice(2);
const problems = [];
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function javaFiles(dir) {
  let found = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return found; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(javaFiles(path));
    else if (name.endsWith('.java')) found.push(path);
  }
  return found;
}

// The names tests in a folder go by: class names, display names, test method names.
function testNames(folder) {
  const names = new Set();
  for (const file of javaFiles(join(moduleDir, folder))) {
    const source = readFileSync(file, 'utf8');
    names.add(basename(file, '.java'));
    for (const m of source.matchAll(/@DisplayName\("((?:[^"\\]|\\.)*)"\)/g)) names.add(m[1].replace(/\\"/g, '"'));
    for (const m of source.matchAll(/@(?:Test|ParameterizedTest|RepeatedTest)[\s\S]*?\bvoid\s+(\w+)\s*\(/g)) names.add(m[1]);
  }
  return [...names];
}

// What would give a hidden test away: a name of a hidden test that is not part of a visible one's.
function hiddenNames() {
  const visible = testNames('src/test/java');
  return testNames('src/hidden-test/java')
    .filter(name => name.length >= 6 && !visible.some(shown => shown.includes(name)));
}

function rubricParts() {
  const rubric = readFileSync(join(moduleDir, 'rubric.properties'), 'utf8');
  return [...rubric.matchAll(/^part\.(\w+)\.title=(.*)$/gm)].map(m => ({ id: m[1], title: m[2].trim() }));
}

async function checkHtml() {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: chromiumArgs, userDataDir: mkdtempSync(join(tmpdir(), 'report-check-')) });
  try {
    const page = await browser.newPage();
    const fetched = [];
    page.on('request', request => {
      if (!/^(file|data|about):/.test(request.url())) fetched.push(request.url());
    });
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(pathToFileURL(join(reportsDir, 'report.html')).href, { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      scoreRows: document.querySelectorAll('table.score tr').length,
      partHeadings: [...document.querySelectorAll('h3')].map(h => h.textContent),
      tests: document.querySelectorAll('details.test').length,
      failedTests: document.querySelectorAll('details.test.failed').length,
      failedWithTimeline: document.querySelectorAll('details.test.failed svg').length,
      scripts: document.querySelectorAll('script').length,
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
    }));
    await page.screenshot({ path: screenshot, fullPage: true });
    if (fetched.length) problems.push(`report.html fetched ${fetched.length} resource(s) from outside the file, e.g. ${fetched[0]}`);
    if (seen.scripts) problems.push(`report.html has ${seen.scripts} <script> element(s); it must work without any`);
    if (seen.scoreRows < 2) problems.push(`report.html: the score table has ${seen.scoreRows} row(s), expected a header and the module`);
    for (const part of rubricParts()) {
      if (!seen.partHeadings.some(h => h.includes(part.title))) {
        problems.push(`report.html: no heading for part ${part.id} (${part.title}); headings seen: ${seen.partHeadings.join(' | ')}`);
      }
    }
    if (seen.tests === 0) problems.push('report.html lists no tests');
    if (seen.failedTests === 0) problems.push('report.html lists no failing test: the check needs a known-wrong submission');
    if (seen.failedWithTimeline === 0) problems.push(`report.html: none of the ${seen.failedTests} failing tests has an SVG timeline`);
    for (const name of hiddenNames()) {
      if (seen.html.includes(name) || seen.text.includes(name)) problems.push(`report.html (student view) names a hidden test: "${name}"`);
    }
    return seen;
  } finally {
    await browser.close();
  }
}

function checkMermaid() {
  const summary = readFileSync(join(reportsDir, 'summary.md'), 'utf8');
  const blocks = [...summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
  if (blocks.length === 0) problems.push('summary.md has no Mermaid block for the failing tests');
  const work = mkdtempSync(join(tmpdir(), 'mermaid-check-'));
  const config = join(work, 'puppeteer.json');
  writeFileSync(config, JSON.stringify({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs }));
  blocks.forEach((block, i) => {
    const input = join(work, `block-${i}.mmd`);
    writeFileSync(input, block);
    try {
      execFileSync(join(import.meta.dirname, 'node_modules/.bin/mmdc'), ['-q', '-p', config, '-i', input, '-o', join(work, `block-${i}.svg`)],
        { stdio: 'pipe', timeout: 120_000 });
    } catch (e) {
      const said = `${e.stderr || ''}${e.stdout || ''}`.split('\n').find(line => /error|Error/.test(line)) || e.message;
      problems.push(`summary.md: Mermaid block ${i + 1} does not render: ${said.trim()}\n${block}`);
    }
  });
  return blocks.length;
}

const seen = await checkHtml();
const blocks = checkMermaid();
console.log(`${reportsDir}: ${seen.tests} tests (${seen.failedTests} failing, ${seen.failedWithTimeline} timeline(s)), `
  + `${seen.partHeadings.length} part headings, ${blocks} Mermaid block(s); screenshot ${screenshot}`);
if (problems.length) {
  problems.forEach(p => console.log(`  PROBLEM ${p}`));
  process.exit(1);
}
