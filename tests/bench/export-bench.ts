/**
 * XLSX export timings: the largest province of the demo data, and a generated
 * province of 1,500 residential groups with 12 months of every figure and a
 * team of six per group. Each export runs in its own process (export-child.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import type { Figure } from "./dashboard-bench";

const MONTHS = { from: "2025-11", to: "2026-10" };

export function exportOnce(url: string, code: string): { ms: number; peakRssMb: number; baselineRssMb: number; bytes: number } {
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", path.join(__dirname, "export-child.ts"), url, code, MONTHS.from, MONTHS.to], { encoding: "utf8", timeout: 300_000 });
  if (result.status !== 0) throw new Error(`export of ${code} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** 30 wards × 50 groups, 12 months × 15 figures each (270,000 values), 9,000 members. */
async function generateProvince(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const province = await client.query<{ id: number }>(`INSERT INTO admin_unit (code, name, level, kind, updated_at) VALUES ('BENCH', 'Tỉnh Đo Hiệu Năng', 'PROVINCE', 'Tỉnh', now()) RETURNING id`);
    await client.query(
      `INSERT INTO admin_unit (code, name, level, kind, parent_id, updated_at)
       SELECT 'BENCH-' || w, 'Xã Đo ' || w, 'WARD', 'Xã', $1, now() FROM generate_series(1, 30) w`,
      [province.rows[0].id],
    );
    await client.query(
      `INSERT INTO admin_unit (code, name, level, kind, parent_id, updated_at)
       SELECT w.code || '-' || lpad(g::text, 2, '0'), 'Thôn ' || g, 'RESIDENTIAL_GROUP', 'Thôn', w.id, now()
       FROM admin_unit w CROSS JOIN generate_series(1, 50) g WHERE w.code LIKE 'BENCH-%' AND w.level = 'WARD'`,
    );
    await client.query(
      `INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at)
       SELECT u.id, p.id, e.id, CASE WHEN e.code LIKE 'ADULTS_%' THEN 300 + (u.id % 50) WHEN e.code = 'ADULTS' THEN 700 ELSE 50 + (u.id % 30) END, now()
       FROM admin_unit u JOIN admin_unit w ON w.id = u.parent_id AND w.code LIKE 'BENCH-%'
       CROSS JOIN (SELECT id FROM period WHERE id BETWEEN 202511 AND 202610) p
       CROSS JOIN data_element e WHERE e.collection_level = 'RESIDENTIAL_GROUP' AND e.source = 'FORM'`,
    );
    await client.query(
      `INSERT INTO team (code, name, unit_id, updated_at)
       SELECT 'TCNS-' || u.code, 'Tổ công nghệ số ' || u.name, u.id, now()
       FROM admin_unit u JOIN admin_unit w ON w.id = u.parent_id AND w.code LIKE 'BENCH-%'`,
    );
    await client.query(
      `INSERT INTO team_member (team_id, full_name, role, affiliation, birth_year, phone, updated_at)
       SELECT t.id, 'Thành viên ' || m, CASE WHEN m = 1 THEN 'LEADER'::"MemberRole" ELSE 'MEMBER'::"MemberRole" END, 'YOUTH_UNION', 1960 + m * 5, '0905' || lpad((t.id * 10 + m)::text, 6, '0'), now()
       FROM team t CROSS JOIN generate_series(1, 6) m WHERE t.code LIKE 'TCNS-BENCH-%'`,
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return "BENCH";
}

/** The demo province with the most residential groups. */
async function largestDemoProvince(url: string): Promise<{ code: string; groups: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ code: string; groups: string }>(
    `SELECT p.code, count(*) AS groups FROM admin_unit p JOIN admin_unit_closure c ON c.ancestor_id = p.id
     JOIN admin_unit d ON d.id = c.descendant_id AND d.level = 'RESIDENTIAL_GROUP' WHERE p.level = 'PROVINCE' GROUP BY p.code ORDER BY 2 DESC LIMIT 1`,
  );
  await client.end();
  return { code: rows[0].code, groups: Number(rows[0].groups) };
}

export async function benchExports(url: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const demo = await largestDemoProvince(url);
  const bench = await generateProvince(url);
  for (const [label, code] of [[`largest demo province (${demo.code}, ${demo.groups} groups)`, demo.code], ["generated province (1,500 groups, 9,000 members)", bench]] as const) {
    const measured = exportOnce(url, code);
    figures.push({ name: `XLSX export, 12 months, ${label}: time`, value: measured.ms, unit: "ms", goal: "≤ 2000 ms" });
    figures.push({ name: `XLSX export, 12 months, ${label}: peak RSS of the process`, value: measured.peakRssMb, unit: "MB", goal: "≤ 300 MB" });
    figures.push({ name: `XLSX export, 12 months, ${label}: RSS of the warmed process before it`, value: measured.baselineRssMb, unit: "MB" });
    figures.push({ name: `XLSX export, 12 months, ${label}: file size`, value: Math.round(measured.bytes / 1024), unit: "KB" });
  }
  return figures;
}
