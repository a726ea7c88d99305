// Runs the pinned Lighthouse on several URLs in one headless Chromium, one run after another.
// Usage: node lighthouse-pages.mjs <out-dir> <form-factor> <categories,comma,separated> <url>...
// Writes <out-dir>/<n>.json, one Lighthouse result per URL in the order given.
// Chromium comes from CHROME_PATH; its flags from LIGHTHOUSE_CHROME_FLAGS (space-separated).
// LIGHTHOUSE_THROTTLING: "simulate" (Lighthouse's default, a model of a slow network and CPU)
// or "devtools" (the page really loads throttled).
// LIGHTHOUSE_CPU_SLOWDOWN: the CPU slowdown multiplier (Lighthouse's default is 4, which assumes a
// high-end desktop host; its docs/throttling.md says to calibrate it on a slower one).
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, {desktopConfig} from "lighthouse";

const [outDir, formFactor, categories, ...urls] = process.argv.slice(2);
if (!urls.length || !["mobile", "desktop"].includes(formFactor)) {
  console.error("usage: node lighthouse-pages.mjs <out-dir> <mobile|desktop> <categories> <url>...");
  process.exit(2);
}
const throttlingMethod = process.env.LIGHTHOUSE_THROTTLING || "simulate";
if (!["simulate", "devtools"].includes(throttlingMethod)) {
  console.error(`LIGHTHOUSE_THROTTLING must be simulate or devtools, not ${throttlingMethod}`);
  process.exit(2);
}
const slowdown = process.env.LIGHTHOUSE_CPU_SLOWDOWN ? Number(process.env.LIGHTHOUSE_CPU_SLOWDOWN) : undefined;
if (slowdown !== undefined && !(slowdown >= 1 && slowdown <= 20)) {
  console.error(`LIGHTHOUSE_CPU_SLOWDOWN must be a number from 1 to 20, not ${process.env.LIGHTHOUSE_CPU_SLOWDOWN}`);
  process.exit(2);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: (process.env.LIGHTHOUSE_CHROME_FLAGS || "--headless=new").split(" ").filter(Boolean),
});
try {
  const flags = {port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories.split(","), disableFullPageScreenshot: true, throttlingMethod};
  if (slowdown !== undefined) flags.throttling = {cpuSlowdownMultiplier: slowdown};
  const config = formFactor === "desktop" ? desktopConfig : undefined;
  for (const [n, url] of urls.entries()) {
    const result = await lighthouse(url, flags, config);
    writeFileSync(join(outDir, `${n}.json`), result.report);
  }
} finally {
  await chrome.kill();
}
