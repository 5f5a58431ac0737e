// Opens the chat page served by lambda-local in two tabs of headless Chromium, joins a room in
// both, sends a message from the first and waits until the second shows it.
// Usage: node chat-two-tabs.mjs <page URL> <chromium executable>
// Prints "OK <text seen in tab 2>" and exits 0, or prints the failure and exits 1.
import puppeteer from 'puppeteer-core';

const [pageUrl, executablePath] = process.argv.slice(2);
if (!pageUrl || !executablePath) {
  console.error('usage: node chat-two-tabs.mjs <page URL> <chromium executable>');
  process.exit(2);
}

console.log('launching ' + executablePath + ' for ' + pageUrl);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
// Polling by interval, not requestAnimationFrame: a background tab draws no frames.
const timeout = 20000;
try {
  async function open(name) {
    const page = await browser.newPage();
    console.log(name + ': tab opened');
    page.on('console', m => console.log(name + ' console: ' + m.text()));
    page.setDefaultTimeout(timeout);
    page.on('pageerror', e => console.error(name + ' page error: ' + e.message));
    await page.goto(pageUrl, { waitUntil: 'load' });
    console.log(name + ': page loaded');
    await page.$eval('#name', (el, value) => { el.value = value; }, name);
    await page.click('#connect');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'connected', { polling: 100 });
    console.log(name + ': connected');
    await page.click('#join');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'joined lobby', { polling: 100 });
    return page;
  }
  console.log('browser started');
  const alice = await open('alice');
  const bob = await open('bob');
  const text = 'hello from tab one ' + Date.now();
  // The first tab is in the background now: act through the DOM, which needs no focus.
  await alice.bringToFront();
  await alice.$eval('#text', (el, value) => { el.value = value; }, text);
  await alice.$eval('#send', button => button.click());
  console.log('alice: sent');
  const expected = 'alice: ' + text;
  await bob.waitForFunction(
    want => [...document.querySelectorAll('#messages li')].some(li => li.textContent === want),
    { polling: 100 }, expected);
  await alice.waitForFunction(
    want => [...document.querySelectorAll('#messages li')].some(li => li.textContent === want),
    { polling: 100 }, expected);
  const seen = await bob.$$eval('#messages li', items => items.map(li => li.textContent));
  if (seen.filter(t => t === expected).length !== 1) {
    throw new Error('tab two shows the message ' + seen.filter(t => t === expected).length + ' times: ' + JSON.stringify(seen));
  }
  console.log('OK ' + expected);
} catch (e) {
  console.error('FAILED: ' + (e && e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
