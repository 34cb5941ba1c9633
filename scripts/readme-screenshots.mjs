// Takes the README's screenshots from a running Patron with demo data, in Chinese and English.
// Usage: npm install playwright-core  (once, anywhere on NODE_PATH), then
//   node scripts/readme-screenshots.mjs http://localhost:5000 owner@patron.local PASSWORD [CUSTOMER_ID]
// CUSTOMER_ID picks the customer of the 360 picture (one with a long history looks best); default: the first listed.
import { chromium } from 'playwright-core';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, email, password, customerId] = process.argv.slice(2);
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const lang of ['zh', 'en']) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/culture?culture=${lang === 'zh' ? 'zh-CN' : 'en'}&redirectUri=%2Faccount%2Flogin`);
  await page.fill('[data-testid=email]', email);
  await page.fill('[data-testid=password]', password);
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('.mud-chart, svg', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}dashboard-${lang}.png` });
  await page.goto(`${base}/customers`);
  await page.waitForSelector('table tbody tr a', { timeout: 30000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}customers-${lang}.png` });
  if (customerId) await page.goto(`${base}/customers/${customerId}`);
  else await page.locator('table tbody tr a').first().click();
  await page.waitForSelector('text=/¥/', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}customer-360-${lang}.png` });
  // The other pages of the README, each once it has drawn what it is for.
  for (const [path, ready, name] of [
    ['segments/rfm', 'table', 'rfm-grid'],
    ['insights/predictions', '[data-testid=most-valuable] a', 'predictions'],
    ['insights/rules', '[data-testid=rules] tbody tr', 'basket-rules'],
    ['insights/cohorts', '[data-testid=cohorts] tbody tr', 'cohorts'],
  ]) {
    await page.goto(`${base}/${path}`);
    await page.waitForSelector(ready, { timeout: 60000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${out}${name}-${lang}.png` });
  }
  // The review queue: run matching once if nothing is queued yet.
  await page.goto(`${base}/customers/duplicates`);
  await page.waitForSelector('[data-testid=duplicate-pair], [data-testid=duplicates-empty]', { timeout: 60000 });
  if (await page.locator('[data-testid=duplicate-pair]').count() === 0) {
    await page.click('[data-testid=run-matching]');
    await page.waitForSelector('[data-testid=duplicate-pair]', { timeout: 120000 });
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}duplicates-${lang}.png` });
  // The import page with the preview of a small messy shop export (previewed only: nothing is imported).
  const csv = '订单编号,联系手机,收货人姓名,订单付款时间,实付金额,商品名称,数量\n' +
    'T1001,138 0013 8000,王小明 先生,2026/11/5 14:23,"¥25.80",有机苹果,2\n' +
    'T1002,12345,李丽,20261106,9.9元,土鸡蛋,1\n' +
    'T1003,＋86-139-0013-9002,ＺＨＡＮＧ Ｗｅｉ,2026年11月7日,"1,234.50",进口牛奶,1\n';
  const file = join(mkdtempSync(join(tmpdir(), 'patron-shots-')), 'shop-orders.csv');
  writeFileSync(file, csv);
  await page.goto(`${base}/import`);
  await page.waitForSelector('input[type=file]', { state: 'attached', timeout: 30000 });
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForSelector('[data-testid=import-preview]', { timeout: 60000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}import-${lang}.png`, fullPage: true });
  await page.close();
}
await browser.close();
