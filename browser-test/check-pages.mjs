#!/usr/bin/env node
// Checks HTML pages as a reader sees them, in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; no browser is ever downloaded). For each page and each viewport width (1400, 800, 420 px):
//   overflow  document.documentElement.scrollWidth <= window.innerWidth + 1 (1 px for sub-pixel rounding), before
//             and after opening every <details>; on failure the element reaching furthest right is named
//   charts    every top-level <svg> has a non-empty box and at least one drawn shape with non-empty geometry, every
//             <img> is complete with naturalWidth > 0 and a non-empty box (checked with every <details> open); a
//             page must have at least one chart unless it is given with --no-charts
//   console   no console error, no uncaught page error, no failed request
// Writes DIR/<page>-<width>.png (the page from the top, at most --max-height px) and DIR/summary.json.
// Exit 0: every check passed; 1: some failed (one line each on stdout); 2: bad arguments or no browser.
//
// Usage: node check-pages.mjs --out DIR [--max-height PX] [--format png|jpeg] [--quality Q]
//                             [--chromium PATH] [--no-charts] [NAME=]FILE ...
// A page is named NAME, or FILE's base name without .html, or its directory's name when that is "index".
// --no-charts applies to the files after it.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WIDTHS = [1400, 800, 420];
const HEIGHT = 900;
const ROUNDING_PX = 1;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function usage(message) {
  console.error(`check-pages: ${message}`);
  console.error('usage: node check-pages.mjs --out DIR [--max-height PX] [--format png|jpeg] [--quality Q] '
    + '[--chromium PATH] [--no-charts] [NAME=]FILE ...');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { out: null, maxHeight: 3000, format: 'png', quality: 70, chromium: '/usr/bin/chromium', pages: [] };
  let charts = true;
  const value = (i, flag) => (i + 1 < argv.length ? argv[i + 1] : usage(`${flag} needs a value`));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') o.out = value(i++, a);
    else if (a === '--max-height') o.maxHeight = positive(value(i++, a), a);
    else if (a === '--format') o.format = value(i++, a);
    else if (a === '--quality') o.quality = positive(value(i++, a), a);
    else if (a === '--chromium') o.chromium = value(i++, a);
    else if (a === '--no-charts') charts = false;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else o.pages.push(page(a, charts));
  }
  if (!o.out) usage('--out DIR is required');
  if (o.pages.length === 0) usage('no HTML file given');
  if (!['png', 'jpeg'].includes(o.format)) usage(`--format must be png or jpeg, got ${o.format}`);
  if (o.quality > 100) usage(`--quality must be in 1..100, got ${o.quality}`);
  const names = new Set();
  for (const p of o.pages) {
    if (!existsSync(p.file)) usage(`${p.file}: no such file`);
    if (names.has(p.name)) usage(`two pages are named ${p.name}: give one as NAME=FILE`);
    names.add(p.name);
  }
  if (!existsSync(o.chromium)) usage(`${o.chromium}: no Chromium there (Debian: apt-get install -y chromium)`);
  return o;
}

function positive(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`${flag} must be a positive integer, got ${text}`);
  return n;
}

function page(arg, charts) {
  const eq = arg.indexOf('=');
  const file = resolve(eq > 0 ? arg.slice(eq + 1) : arg);
  let name = eq > 0 ? arg.slice(0, eq) : basename(file).replace(/\.x?html?$/i, '');
  if (eq <= 0 && name === 'index') name = basename(dirname(file));
  return { name, file, charts };
}

// Runs in the page: how far the page sticks out, and the element reaching furthest right (the widest of those that
// reach as far), its own box or its text, not counting anything inside a box that clips or scrolls.
function measureOverflow(rounding) {
  const doc = document.documentElement;
  const limit = window.innerWidth + rounding;
  const result = { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, offender: null };
  if (doc.scrollWidth <= limit) return result;
  const clips = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const describe = (el, width, right) => {
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> ${Math.round(width)} px wide, `
      + `right edge at ${Math.round(right)} px` + (text ? ` ("${text}")` : '');
  };
  let worst = null;
  const consider = (el, width, right) => {
    if (!worst || right > worst.right + rounding || (right >= worst.right - rounding && width > worst.width)) {
      worst = { el, width, right };
    }
  };
  const walk = (el) => {
    for (const child of el.children) {
      const r = child.getBoundingClientRect();
      if (r.right + window.scrollX > limit) consider(child, r.width, r.right + window.scrollX);
      const ownText = [...child.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const spill = r.left + window.scrollX + child.scrollWidth;
      if (ownText && spill > limit) consider(child, child.scrollWidth, spill);
      if (!clips(child)) walk(child);
    }
  };
  walk(document.body);
  result.offender = worst ? describe(worst.el, worst.width, worst.right)
    : 'no single element found (a transform or absolute position may be responsible)';
  return result;
}

// Runs in the page: every top-level <svg> and every <img>, with what is wrong with each.
function measureCharts() {
  const drawn = 'path, line, polyline, polygon, rect, circle, ellipse';
  const label = (el, i) => {
    const cap = el.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
    const alt = el.getAttribute('aria-label') || el.getAttribute('alt') || el.querySelector?.('title')?.textContent;
    return `${el.tagName.toLowerCase()} #${i + 1}` + ((cap || alt) ? ` ("${(cap || alt).slice(0, 50)}")` : '');
  };
  const problems = [];
  const svgs = [...document.querySelectorAll('svg')].filter((s) => !s.parentElement.closest('svg'));
  svgs.forEach((svg, i) => {
    const r = svg.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) problems.push(`${label(svg, i)} has an empty box (${r.width}x${r.height})`);
    const shapes = [...svg.querySelectorAll(drawn)].filter((s) => {
      const b = s.getBBox();
      return b.width > 0 || b.height > 0;
    });
    if (shapes.length === 0) problems.push(`${label(svg, i)} draws nothing (no ${drawn} with non-empty geometry)`);
  });
  const imgs = [...document.images];
  imgs.forEach((img, i) => {
    const r = img.getBoundingClientRect();
    if (!img.complete || img.naturalWidth === 0) {
      problems.push(`${label(img, i)} did not load (${(img.currentSrc || img.src).slice(0, 80)})`);
    } else if (!(r.width > 0 && r.height > 0)) {
      problems.push(`${label(img, i)} has an empty box (${r.width}x${r.height})`);
    }
  });
  return { svg: svgs.length, img: imgs.length, problems };
}

async function openDetails(p) {
  return p.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => { d.open = true; });
    return closed.length;
  });
}

async function settle(p) {
  await p.evaluate(async () => {
    document.querySelectorAll('img[loading="lazy"]').forEach((img) => { img.loading = 'eager'; });
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    await document.fonts.ready;
  });
}

async function checkOne(browser, o, pg, width) {
  const result = { page: pg.name, file: pg.file, width, failures: [], console: [] };
  const context = await browser.newContext({ viewport: { width, height: HEIGHT } });
  const p = await context.newPage();
  const fail = (what) => result.failures.push(`${pg.name} @ ${width} px: ${what}`);
  p.on('console', (m) => { if (m.type() === 'error') result.console.push(`console error: ${m.text()}`); });
  p.on('pageerror', (e) => result.console.push(`page error: ${e.message}`));
  p.on('requestfailed', (r) => result.console.push(`request failed: ${r.url().slice(0, 100)} (${r.failure()?.errorText})`));
  try {
    await p.goto(pathToFileURL(pg.file).href, { waitUntil: 'load', timeout: 60000 });
    await settle(p);
    const shot = join(o.out, `${pg.name}-${width}.${o.format === 'jpeg' ? 'jpg' : 'png'}`);
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    const clipWidth = await p.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
    await p.screenshot({ path: shot, type: o.format, fullPage: true,
      clip: { x: 0, y: 0, width: clipWidth, height: Math.min(height, o.maxHeight) },
      ...(o.format === 'jpeg' ? { quality: o.quality } : {}) });
    result.screenshot = shot;
    const fits = await overflow(p, result, fail, '');
    result.openedDetails = await openDetails(p);
    if (result.openedDetails > 0 && fits) await overflow(p, result, fail, ` (with ${result.openedDetails} <details> opened)`);
    await settle(p);
    const charts = await p.evaluate(measureCharts);
    result.charts = { svg: charts.svg, img: charts.img };
    charts.problems.forEach((c) => fail(`chart not rendered: ${c}`));
    if (pg.charts && charts.svg + charts.img === 0) fail('no chart at all (no <svg>, no <img>)');
  } catch (e) {
    fail(`could not load or measure the page: ${e.message.split('\n')[0]}`);
  }
  result.console.forEach((c) => fail(c));
  await context.close();
  return result;
}

// Records the overflow measurement; returns true when the page fits (so a second measurement adds news).
async function overflow(p, result, fail, state) {
  const m = await p.evaluate(measureOverflow, ROUNDING_PX);
  result.overflow = result.overflow || [];
  result.overflow.push({ state: state || 'as loaded', ...m });
  if (m.offender) {
    fail(`horizontal overflow${state}: scrollWidth ${m.scrollWidth} px > innerWidth ${m.innerWidth} px; `
      + `furthest: ${m.offender}`);
    return false;
  }
  return true;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  // Playwright gives every launch a fresh, temporary profile (its --user-data-dir), deleted on close.
  const tmp = mkdtempSync(join(tmpdir(), 'check-pages-'));
  let browser;
  try {
    browser = await chromium.launch({ executablePath: o.chromium, headless: true, args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: tmp }, timeout: 60000 });
  } catch (e) {
    console.error(`check-pages: cannot start ${o.chromium}: ${e.message.split('\n')[0]}`);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(2);
  }
  const results = [];
  for (const pg of o.pages) {
    for (const width of WIDTHS) results.push(await checkOne(browser, o, pg, width));
  }
  const version = browser.version();
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
  const failures = results.flatMap((r) => r.failures);
  writeFileSync(join(o.out, 'summary.json'), JSON.stringify({ chromium: version, widths: WIDTHS, height: HEIGHT,
    passed: failures.length === 0, failures, results }, null, 2) + '\n');
  failures.forEach((f) => console.log(`FAIL ${f}`));
  console.log(`check-pages: ${failures.length === 0 ? 'PASS' : 'FAIL'}: ${o.pages.length} page(s) x ${WIDTHS.length} `
    + `widths, ${failures.length} failure(s); Chromium ${version}; screenshots and summary.json in ${o.out}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`check-pages: ${e.stack || e}`);
  process.exit(2);
});
