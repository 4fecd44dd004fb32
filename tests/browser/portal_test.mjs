// Browser tests of the portal (ctest "browser"): Debian's headless chromium,
// driven by playwright-core, loads the pages the real `kb serve` answers on
// loopback over the bundled articles/. In he, fa, el and en it searches,
// checks results, direction, the vote and the contact link; it signs an
// agent in, drives instant search with the keyboard, takes the no-JavaScript
// path, runs axe-core on every page type (no serious or critical violation
// allowed) and saves a screenshot of each page type in each language.
//
//   node tests/browser/portal_test.mjs --kb build/kb --articles articles \
//     --out build/browser-artifacts --node-modules .node/node_modules
// Exit 0: all passed; 1: a check failed; 77: chromium or the npm packages
// are missing (tools/test installs them: kb_install_browser_tests).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const CHROMIUM = process.env.KB_CHROMIUM || '/usr/bin/chromium';
const nodeModules = path.resolve(args['node-modules'] || '.node/node_modules');
if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.join(nodeModules, 'playwright-core')) ||
    !fs.existsSync(path.join(nodeModules, 'axe-core'))) {
  console.error(`browser tests skipped: need ${CHROMIUM} and playwright-core, axe-core in ${nodeModules}` +
                ' (tools/deps.sh kb_install_browser_tests)');
  process.exit(77);
}
const require = createRequire(path.join(nodeModules, 'x.js'));
const { chromium } = require('playwright-core');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const LANGS = {
  he: { query: 'איפוס סיסמה', dir: 'rtl', thanks: 'תודה על המשוב!' },
  fa: { query: 'بازیابی رمز عبور', dir: 'rtl', thanks: 'از بازخورد شما سپاسگزاریم!' },
  el: { query: 'επαναφορά κωδικού', dir: 'ltr', thanks: 'Ευχαριστούμε για τα σχόλιά σας!' },
  en: { query: 'reset password', dir: 'ltr', thanks: 'Thank you for your feedback!' },
};
const TICKET_URL = 'https://support.example.com/new-ticket';
const INTERNAL = 'en/support-ops/refund-approval-runbook';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const out = path.resolve(args.out || 'browser-artifacts');
fs.mkdirSync(out, { recursive: true });
const failures = [];
const axeResults = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

// Another site that embeds the widget with one script tag (served on its own port).
function startShop(kbBase) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1>` +
              `<script src="${kbBase}/assets/widget.js" data-lang="en"></script></main></body></html>`);
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

async function startKb(tmp, corsOrigin, port) {
  const kb = path.resolve(args.kb);
  const db = path.join(tmp, 'db');
  execFileSync(kb, ['index', path.resolve(args.articles), '--db', db], { stdio: 'ignore' });
  const tokens = path.join(tmp, 'tokens');
  const token = execFileSync(kb, ['token', 'new', 'browser', '--file', tokens]).toString().trim();
  const site = path.join(tmp, 'site.json');
  fs.writeFileSync(site, JSON.stringify({ name: 'Nuvo Help', ticket_url: TICKET_URL }));
  const proc = spawn(kb, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port),
    '--agent-tokens', tokens, '--site-config', site, '--articles', path.resolve(args.articles),
    '--cors-origin', corsOrigin], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + '/healthz')).ok) return { proc, base, token }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('kb serve did not come up');
}

async function runAxe(page, name) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeResults.push({ page: name, url: page.url(), violations: result.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })) });
  check(bad.length === 0, `axe ${name}: no serious/critical violations` +
        (bad.length ? ` (${bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`).join('; ')})` : ''));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

// Every page type in one language: home, search, article, no results, 404, sign-in
// (the agents' insights page: agent()).
async function pagesIn(context, axeContext, base, lang) {
  const { query, dir, thanks } = LANGS[lang];
  const page = await context.newPage();
  const cspErrors = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text()); });
  await page.goto(`${base}/?lang=${lang}`);
  check(await page.getAttribute('html', 'lang') === lang, `${lang} home: <html lang=${lang}>`);
  check(await page.getAttribute('html', 'dir') === dir, `${lang} home: <html dir=${dir}>`);
  check(await page.evaluate(() => getComputedStyle(document.body).direction) === dir,
        `${lang} home: laid out ${dir}`);
  await shot(page, `home-${lang}`);

  await page.fill('#q', query);
  await Promise.all([page.waitForURL(/\/search\?/), page.press('#q', 'Enter')]);
  const hits = await page.$$eval('.hit h2 a', (as) => as.map((a) => a.getAttribute('href')));
  check(hits.length > 0, `${lang} search "${query}": results`);
  check(hits.includes(`/kb/${lang}/account/reset-password`), `${lang} search: finds ${lang}/account/reset-password`);
  check(await page.getAttribute('html', 'dir') === dir, `${lang} search: dir=${dir}`);
  check((await page.$$('.snippet mark')).length > 0, `${lang} search: snippets mark the words`);
  await shot(page, `search-${lang}`);

  await Promise.all([page.waitForURL(/\/kb\//), page.click(`a[href="/kb/${lang}/account/reset-password"]`)]);
  check(await page.getAttribute('article', 'dir') === dir, `${lang} article: body dir=${dir}`);
  check(await page.getAttribute('a.contact >> nth=0', 'data-ticket') === TICKET_URL &&
        (await page.getAttribute('a.contact >> nth=0', 'href')).includes('/contact?'), `${lang} article: contact link through /contact to the ticket URL`);
  check((await page.$$('link[rel=alternate][hreflang]')).length === 4, `${lang} article: hreflang alternates`);
  await shot(page, `article-${lang}`);
  await page.fill('#feedback-text', 'ok');
  await Promise.all([page.waitForLoadState(), page.click('.feedback button[value=yes]')]);
  await page.getByText(thanks).first().waitFor({ timeout: 5000 }).catch(() => {});
  check(await page.getByText(thanks).first().isVisible(), `${lang} article: "Was this helpful?" yes is thanked`);
  check(cspErrors.length === 0, `${lang}: no Content-Security-Policy errors (${cspErrors.join(' | ')})`);

  await page.goto(`${base}/search?q=zzqxwv+qqzzv&lang=${lang}`);
  check(await page.$('.no-results') !== null, `${lang} no results: the no-results help`);
  check(await page.getAttribute('.no-results a.contact', 'data-ticket') === TICKET_URL, `${lang} no results: contact link`);
  await shot(page, `no-results-${lang}`);
  const notFound = await page.goto(`${base}/no/such/page?lang=${lang}`);
  check(notFound.status() === 404, `${lang} 404 page: status 404`);
  await shot(page, `not-found-${lang}`);
  await page.goto(`${base}/agent/sign-in?lang=${lang}`);
  await shot(page, `sign-in-${lang}`);
  await page.close();

  const axePage = await axeContext.newPage();
  for (const [name, url] of [['home', `/?lang=${lang}`], ['search', `/search?q=${encodeURIComponent(query)}&lang=${lang}`],
    ['article', `/kb/${lang}/account/reset-password`], ['no-results', `/search?q=zzqxwv&lang=${lang}`],
    ['not-found', `/no/such/page?lang=${lang}`], ['sign-in', `/agent/sign-in?lang=${lang}`]]) {
    await axePage.goto(base + url);
    await runAxe(axePage, `${name}-${lang}`);
  }
  await axePage.close();
}

async function keyboard(context, base) {
  const page = await context.newPage();
  await page.goto(`${base}/?lang=en`);
  await page.focus('#q');
  await page.keyboard.type('passw');
  await page.waitForSelector('#q-suggestions [role=option]', { timeout: 5000 }).catch(() => {});
  check(await page.getAttribute('#q', 'aria-expanded') === 'true', 'instant search: suggestions open (aria-expanded)');
  await page.keyboard.press('ArrowDown');
  const active = await page.getAttribute('#q', 'aria-activedescendant');
  check(!!active && await page.getAttribute(`#${active}`, 'aria-selected') === 'true', 'instant search: ArrowDown selects an option');
  await page.keyboard.press('Escape');
  check(await page.getAttribute('#q', 'aria-expanded') === 'false', 'instant search: Escape closes');
  await page.keyboard.type('o');
  await page.waitForSelector('#q-suggestions [role=option]', { timeout: 5000 }).catch(() => {});
  await page.keyboard.press('ArrowDown');
  await shot(page, 'instant-search-en');
  await Promise.all([page.waitForURL(/\/kb\//, { timeout: 5000 }).catch(() => {}), page.keyboard.press('Enter')]);
  check(/\/kb\/.+/.test(page.url()), `instant search: Enter opens the article (${page.url()})`);
  await page.close();
}

async function agent(context, base, token) {
  const page = await context.newPage();
  const before = await page.goto(`${base}/kb/${INTERNAL}`);
  check(before.status() === 404, 'agent: an internal article is a 404 before sign-in');
  const hidden = await page.goto(`${base}/agent/insights?lang=en`);
  check(hidden.status() === 404 && (await page.$('svg.chart')) === null, 'agent: insights are a 404 before sign-in');
  await page.goto(`${base}/agent/sign-in?lang=en`);
  await page.fill('#token', token);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/agent')), page.click('form.sign-in button')]);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'kb_agent');
  check(!!session && session.httpOnly && session.sameSite === 'Strict', 'agent: HttpOnly SameSite=Strict session cookie');
  const after = await page.goto(`${base}/kb/${INTERNAL}`);
  check(after.status() === 200, 'agent: the internal article opens after sign-in');
  check(await page.$('.internal-badge') !== null, 'agent: the internal article is marked as internal');
  await shot(page, 'article-internal-agent-en');
  // The insights page: charts with their tables and CSV links, in every language.
  for (const lang of Object.keys(LANGS)) {
    const res = await page.goto(`${base}/agent/insights?lang=${lang}`);
    check(res.status() === 200, `agent: insights page ${lang}`);
    check(await page.getAttribute('html', 'dir') === LANGS[lang].dir, `agent: insights ${lang} direction`);
    check((await page.$$('section.insights svg.chart')).length >= 3, `agent: insights ${lang} charts`);
    check((await page.$$('section.insights table')).length >= 2, `agent: insights ${lang} tables`);
    check(await page.$('a[href$="/agent/insights/overview.csv"]') !== null, `agent: insights ${lang} CSV link`);
    await shot(page, `insights-${lang}`);
    await runAxe(page, `insights-${lang}`);
  }
  const csv = await page.request.get(`${base}/agent/insights/overview.csv`);
  check(csv.status() === 200 && (await csv.text()).startsWith('day,'), 'agent: the CSV link downloads the report');
  await page.close();
}

// With script, "Contact support" posts a contact event in the page's session
// and goes straight to the ticket URL (served here by a stub route).
async function contact(context, base, token) {
  const page = await context.newPage();
  await page.route(`${TICKET_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Ticket</title>' }));
  const contacted = async () => {
    const r = await page.request.get(`${base}/api/v1/stats/overview`, { headers: { Authorization: `Bearer ${token}` } });
    return (await r.json()).totals.contacted_sessions;
  };
  const before = await contacted();
  await page.goto(`${base}/search?q=${encodeURIComponent(LANGS.en.query)}&lang=en`);
  check(!!(await page.getAttribute('body', 'data-session')), 'contact: the search page carries its session');
  await Promise.all([page.waitForURL(TICKET_URL), page.click('footer a.contact')]);
  let after = before;
  for (let i = 0; i < 50 && after === before; i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await contacted();
  }
  check(after === before + 1, `contact: the contact link records a contact (${before} -> ${after})`);
  await page.close();
}

async function widget(context, shop) {
  const page = await context.newPage();
  await page.goto(shop.origin);
  await page.fill('.kb-widget input', 'reset password');
  await page.waitForSelector('.kb-widget li a', { timeout: 5000 }).catch(() => {});
  const links = await page.$$eval('.kb-widget li a', (as) => as.map((a) => a.href));
  check(links.some((l) => l.endsWith('/kb/en/account/reset-password')), 'widget: another site lists kb results (CORS)');
  await shot(page, 'widget-en');
  await page.close();
}

async function noJavaScript(context, base) {
  const page = await context.newPage();
  await page.goto(`${base}/?lang=he`);
  await page.fill('#q', LANGS.he.query);
  await Promise.all([page.waitForURL(/\/search\?/), page.click('form.search-form button[type=submit]')]);
  check((await page.$$('.hit')).length > 0, 'no JavaScript: the search form finds results');
  await page.check('form.facets input[name=category][value=account]');
  await Promise.all([page.waitForURL(/category=account/), page.click('form.facets button[type=submit]')]);
  const categories = await page.$$eval('.hit .meta bdi', (els) => els.map((e) => e.textContent));
  check(categories.length > 0 && categories.every((c) => c === 'account'), 'no JavaScript: facet filter applies');
  await page.goto(`${base}/kb/he/account/reset-password`);
  await Promise.all([page.waitForURL(/feedback/), page.click('.feedback button[value=no]')]);
  check(await page.getByText(LANGS.he.thanks).first().isVisible(), 'no JavaScript: the vote form posts and thanks');
  await shot(page, 'feedback-thanks-nojs-he');
  await page.close();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-browser-'));
let kb;
let shop;
const contexts = [];
try {
  const kbPort = await freePort();  // the shop needs kb's address first, kb the shop's origin
  shop = await startShop(`http://127.0.0.1:${kbPort}`);
  kb = await startKb(tmp, shop.origin, kbPort);
  const launch = (name, options = {}) => chromium.launchPersistentContext(path.join(tmp, name), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 800 },
    ...options,
  }).then((c) => { contexts.push(c); return c; });
  const browser = await launch('profile-js');
  const axe = await launch('profile-axe', { bypassCSP: true });  // axe is injected into the page
  for (const lang of Object.keys(LANGS)) await pagesIn(browser, axe, kb.base, lang);
  await keyboard(browser, kb.base);
  await agent(await launch('profile-agent', { bypassCSP: true }), kb.base, kb.token);  // axe on insights
  await noJavaScript(await launch('profile-nojs', { javaScriptEnabled: false }), kb.base);
  await contact(browser, kb.base, kb.token);
  await widget(browser, shop);
} catch (e) {
  check(false, `browser test crashed: ${e.stack || e}`);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  if (kb) kb.proc.kill('SIGTERM');
  if (shop) shop.server.close();
  fs.writeFileSync(path.join(out, 'axe-results.json'), JSON.stringify(axeResults, null, 2));
  fs.rmSync(tmp, { recursive: true, force: true });
}
const serious = axeResults.reduce((n, r) => n + r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').length, 0);
const minor = axeResults.reduce((n, r) => n + r.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').length, 0);
console.log(`axe: ${axeResults.length} pages, ${serious} serious/critical and ${minor} minor/moderate violations; screenshots and axe-results.json in ${out}`);
console.log(failures.length ? `${failures.length} FAILED` : 'all passed');
process.exit(failures.length ? 1 : 0);
