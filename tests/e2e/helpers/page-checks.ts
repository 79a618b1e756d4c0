/**
 * What every main page must pass, whatever the journey: no serious or
 * critical accessibility violation (axe-core, run inside the page), nothing
 * that scrolls sideways but tables inside their own box, and a screenshot for
 * a person to look at.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { screenshot } from "./browser";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it stands, WCAG 2.1 A and AA rules and best practices. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")) }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Elements wider than the window that are not inside a box that scrolls on its own. */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const culprits: string[] = [];
    if (root.scrollWidth > root.clientWidth + 1) {
      for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const box = element.getBoundingClientRect();
        if (box.right <= root.clientWidth + 1 || box.width === 0) continue;
        let scroller: HTMLElement | null = element.parentElement;
        while (scroller && !["auto", "scroll"].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        if (!scroller) culprits.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${String(element.className).split(" ").slice(0, 3).join(".")}`);
        if (culprits.length >= 5) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

/** What is wrong with the page at its current width (empty when it passes); the page is photographed either way. */
export async function pageProblems(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState("load");
  await screenshot(page, name);
  const width = page.viewportSize()?.width;
  const problems = (await accessibilityViolations(page)).map((v) => `${name} at ${width} px: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(", ")}`);
  const overflow = await sidewaysOverflow(page);
  if (overflow.scrollWidth > overflow.clientWidth + 1) {
    problems.push(`${name} at ${width} px scrolls sideways (${overflow.scrollWidth} px in ${overflow.clientWidth} px) because of ${overflow.culprits.join(", ")}`);
  }
  return problems;
}

/** The page at 360 px and at 1280 px, checked and photographed at each, then left at the width it had. */
export async function problemsAtBothWidths(page: Page, name: string): Promise<string[]> {
  const start = page.viewportSize() ?? { width: 1280, height: 900 };
  const problems: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    problems.push(...(await pageProblems(page, name)));
  }
  await page.setViewportSize(start);
  return problems;
}
