"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { checkFigures, parseFigure, type Say } from "@/lib/schemas/figure-rules";
import type { WardGrid } from "@/lib/reports/ward-grid";
import type { saveWardGridAction } from "@/app/(app)/entry/actions";
import { ScrollBox } from "@/components/ui/scroll-box";
import { ConflictPanel, asText, type Conflict } from "./conflict-panel";
import { clearDraft, gridDraftKey, readDraft, writeDraft } from "./use-report-draft";
import { useOutbox } from "@/components/offline/offline-kit";
import { pastedBlock } from "./pasted-block";
import { NoticeBox } from "@/components/ui/notice-box";
import { GridRowBlock, cellId, isEditable, rowChanged, type Cells, type GridCellHandlers } from "./ward-grid-rows";

type Notice = { kind: "info" | "success" | "error"; text: string; retry?: boolean };

/** Rows per Suspense boundary: small enough that hydrating one is a short task on an old phone. */
const ROWS_PER_BLOCK = 6;
/** The key before drafts were per user: a grid typed then is still offered, once, to whoever opens it. */
const legacyDraftKey = (ward: string, period: string) => `tcns:grid:${ward}:${period}`;

/**
 * The ward's month as a spreadsheet: a row per residential group (and the
 * ward's own row), a column per figure. Tab, Enter and the arrows move like a
 * spreadsheet; a block pasted from Excel or Google Sheets fills the cells it
 * covers; one save writes every changed row, all or nothing.
 */
export function WardGridTable({ grid, action }: { grid: WardGrid; action: typeof saveWardGridAction }) {
  const t = useTranslations("grid");
  const say = useTranslations() as unknown as Say;
  const format = useFormatter();
  const router = useRouter();
  const { rows, columns } = grid;
  const outbox = useOutbox();
  const offline = outbox ? !outbox.online : false;
  const draftKey = gridDraftKey(outbox?.userId ?? 0, grid.ward.code, grid.period);
  const initial = () => Object.fromEntries(rows.map((row) => [row.code, asText(row.values)])) as Cells;
  const [saved, setSaved] = useState<Cells>(initial);
  const [cells, setCells] = useState<Cells>(initial);
  const [reasons, setReasons] = useState<Cells>({});
  const [versions, setVersions] = useState<Record<string, number>>(() => Object.fromEntries(rows.map((row) => [row.code, row.version])));
  const [showPrevious, setShowPrevious] = useState(false);
  const [showAuthors, setShowAuthors] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [serverErrors, setServerErrors] = useState<Cells>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [pending, setPending] = useState(false);
  // One id per row and content: a retry after a lost answer is recognised by the server and applied once.
  const requestIds = useRef<Record<string, string>>({});

  const editable = (rowIndex: number, columnIndex: number) => isEditable(rows[rowIndex], columns[columnIndex]);
  /** A pasted figure equal to the one the row's activities made (a cell the grid does not type). */
  const sameAsActivities = (rowIndex: number, columnIndex: number, text: string) => {
    const row = rows[rowIndex];
    const column = columns[columnIndex];
    if (!row.fromActivities.includes(column.code) || row.status === "APPROVED" || row.status === "LOCKED") return false;
    const figure = parseFigure(text, column.name, say);
    return figure.ok && figure.value !== null && figure.value === row.values[column.code];
  };
  const elementsOf = (level: string) => columns.filter((column) => column.level === level);
  const changedRows = rows.filter((row) => rowChanged(row, columns, cells, saved));

  // Only the rows being changed are checked: old figures stay as they were stored.
  const checks = useMemo(
    () => Object.fromEntries(changedRows.map((row) => [row.code, checkFigures(elementsOf(row.level), grid.partOf, cells[row.code], row.previous, reasons[row.code] ?? {}, say)])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- changedRows is derived from cells and saved
    [cells, saved, reasons, grid, say],
  );

  // What was typed survives a reload or a lost connection, until the save is confirmed.
  useEffect(() => {
    const legacy = legacyDraftKey(grid.ward.code, grid.period);
    const draft = readDraft(draftKey) ?? readDraft(legacy);
    clearDraft(legacy);
    if (!draft) return;
    writeDraft(draftKey, draft);
    const restored = structuredClone(saved);
    for (const [key, value] of Object.entries(draft.values)) {
      const [unit, code] = key.split("|");
      if (restored[unit]) restored[unit][code] = value;
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft lives in localStorage, which the server render cannot read
    setCells(restored);
    setNotice({ kind: "info", text: t("draftRestored", { time: format.dateTime(new Date(draft.savedAt), "dateTime") }) });
    // Run once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function change(next: Cells, nextReasons = reasons) {
    setCells(next);
    setReasons(nextReasons);
    setServerErrors({});
    requestIds.current = {};
    const values: Record<string, string> = {};
    for (const row of rows) for (const column of elementsOf(row.level)) {
      const text = next[row.code]?.[column.code] ?? "";
      if (text !== (saved[row.code]?.[column.code] ?? "")) values[`${row.code}|${column.code}`] = text;
    }
    if (Object.keys(values).length === 0) clearDraft(draftKey);
    else writeDraft(draftKey, { values, reasons: {}, baseVersion: 0, savedAt: new Date().toISOString() });
  }

  function setCell(rowCode: string, code: string, text: string) {
    change({ ...cells, [rowCode]: { ...cells[rowCode], [code]: text } });
  }

  function focusCell(rowIndex: number, columnIndex: number) {
    const input = document.getElementById(cellId(rowIndex, columnIndex)) as HTMLInputElement | null;
    input?.focus();
    input?.select();
  }

  /** The next editable cell in a direction, skipping the cells a row does not enter. */
  function move(rowIndex: number, columnIndex: number, down: number, right: number) {
    let r = rowIndex + down;
    let c = columnIndex + right;
    while (r >= 0 && r < rows.length && c >= 0 && c < columns.length) {
      if (editable(r, c)) return focusCell(r, c);
      r += down;
      c += right;
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>, rowIndex: number, columnIndex: number) {
    const input = event.currentTarget;
    // Left and right move out of a cell only from its edge (or when all of it is selected, as on arrival), so a figure can still be edited.
    const allOrStart = input.selectionStart === 0 && (input.selectionEnd === 0 || input.selectionEnd === input.value.length);
    const atEnd = input.selectionEnd === input.value.length;
    const steps: Record<string, [number, number] | null> = { Enter: [event.shiftKey ? -1 : 1, 0], ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: allOrStart ? [0, -1] : null, ArrowRight: atEnd ? [0, 1] : null };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    move(rowIndex, columnIndex, step[0], step[1]);
  }

  function onPaste(event: React.ClipboardEvent<HTMLInputElement>, rowIndex: number, columnIndex: number) {
    const block = pastedBlock(event.clipboardData.getData("text/plain"));
    if (!block) return; // one value: the browser pastes it into the cell as typed
    event.preventDefault();
    const height = block.length;
    const width = Math.max(...block.map((line) => line.length));
    const start = { group: rows[rowIndex].name, field: columns[columnIndex].name };
    if (rowIndex + height > rows.length || columnIndex + width > columns.length) {
      return setNotice({ kind: "error", text: t("pasteTooLarge", { height, width, ...start, rowsLeft: rows.length - rowIndex, columnsLeft: columns.length - columnIndex }) });
    }
    const next = structuredClone(cells);
    let kept = 0;
    let fromLog = 0;
    for (let r = 0; r < height; r += 1) {
      for (let c = 0; c < block[r].length; c += 1) {
        const text = block[r][c];
        if (text === "") {
          kept += 1;
          continue;
        }
        if (!editable(rowIndex + r, columnIndex + c)) {
          // A sheet kept from the activity log holds the same figure: nothing to change, nothing to refuse.
          if (sameAsActivities(rowIndex + r, columnIndex + c, text)) {
            fromLog += 1;
            continue;
          }
          return setNotice({ kind: "error", text: t("pasteIntoLocked", { group: rows[rowIndex + r].name, field: columns[columnIndex + c].name }) });
        }
        next[rows[rowIndex + r].code][columns[columnIndex + c].code] = text;
      }
    }
    change(next);
    const notes = [kept > 0 ? t("pasteKeptEmpty", { count: kept }) : "", fromLog > 0 ? t("pasteKeptActivities", { count: fromLog }) : ""].filter(Boolean);
    setNotice({ kind: "info", text: [t("pasted", { height, width }), ...notes].join(" ") });
  }

  // As maps, built again only when the checks or the server's answer change: the row blocks compare them by identity.
  const errors = useMemo(() => {
    const merged: Cells = Object.fromEntries(Object.entries(checks).map(([rowCode, check]) => [rowCode, { ...check.errors }]));
    for (const [rowCode, cellErrors] of Object.entries(serverErrors)) merged[rowCode] = { ...merged[rowCode], ...cellErrors };
    return merged;
  }, [checks, serverErrors]);
  const warnings = useMemo(() => Object.fromEntries(Object.entries(checks).map(([rowCode, check]) => [rowCode, check.warnings])) as Cells, [checks]);
  const errorOf = (rowCode: string, code: string) => errors[rowCode]?.[code];
  const warningOf = (rowCode: string, code: string) => warnings[rowCode]?.[code];
  const problems = changedRows.flatMap((row) =>
    elementsOf(row.level).flatMap((column) => {
      const error = errorOf(row.code, column.code);
      const warning = warningOf(row.code, column.code);
      return error || warning ? [{ row, column, error, warning }] : [];
    }),
  );

  // The cells' handlers keep one identity for the grid's life and call this render's functions.
  const latest = useRef({ setCell, onKeyDown, onPaste });
  useEffect(() => {
    latest.current = { setCell, onKeyDown, onPaste };
  });
  const [handlers] = useState<GridCellHandlers>(() => ({
    change: (rowCode, code, text) => latest.current.setCell(rowCode, code, text),
    keyDown: (event, rowIndex, columnIndex) => latest.current.onKeyDown(event, rowIndex, columnIndex),
    paste: (event, rowIndex, columnIndex) => latest.current.onPaste(event, rowIndex, columnIndex),
  }));
  const blocks = useMemo(() => Array.from({ length: Math.ceil(rows.length / ROWS_PER_BLOCK) }, (_, index) => rows.slice(index * ROWS_PER_BLOCK, (index + 1) * ROWS_PER_BLOCK)), [rows]);

  async function save() {
    if (changedRows.length === 0) return setNotice({ kind: "info", text: t("nothingChanged") });
    if (problems.length > 0) {
      setNotice({ kind: "error", text: t("fixFirst", { count: problems.length }) });
      return document.getElementById(`problem-${problems[0].row.code}-${problems[0].column.code}`)?.focus();
    }
    const payload = changedRows.map((row) => {
      requestIds.current[row.code] ??= crypto.randomUUID();
      const values = Object.fromEntries(elementsOf(row.level).map((column) => [column.code, cells[row.code]?.[column.code] ?? ""]));
      return { unitCode: row.code, version: versions[row.code], requestId: requestIds.current[row.code], values, reasons: reasons[row.code] ?? {} };
    });
    setPending(true);
    setNotice(null);
    try {
      const result = await action({ wardCode: grid.ward.code, period: grid.period, rows: payload });
      if (result.ok) {
        setSaved(structuredClone(cells));
        setVersions((current) => ({ ...current, ...result.versions }));
        setConflicts({});
        requestIds.current = {};
        clearDraft(draftKey);
        setNotice({ kind: "success", text: t("saved", { rows: result.rows, changed: result.changed, time: format.dateTime(new Date(), "dateTime") }) });
        router.refresh();
      } else if ("conflicts" in result) {
        setConflicts(result.conflicts);
        setNotice({ kind: "error", text: result.message });
      } else {
        if ("cellErrors" in result) setServerErrors(result.cellErrors);
        setNotice({ kind: "error", text: result.message });
      }
    } catch {
      setNotice({ kind: "error", text: t("offline"), retry: true });
    } finally {
      setPending(false);
    }
  }

  function resolve(rowCode: string, choice: Record<string, "mine" | "theirs">) {
    const conflict = conflicts[rowCode];
    const theirs = asText(conflict.values);
    const row = rows.find((candidate) => candidate.code === rowCode)!;
    const merged = { ...cells[rowCode] };
    for (const column of elementsOf(row.level)) if (choice[column.code] === "theirs") merged[column.code] = theirs[column.code] ?? "";
    setSaved({ ...saved, [rowCode]: Object.fromEntries(elementsOf(row.level).map((column) => [column.code, theirs[column.code] ?? ""])) });
    setVersions({ ...versions, [rowCode]: conflict.version });
    const rest = { ...conflicts };
    delete rest[rowCode];
    setConflicts(rest);
    change({ ...cells, [rowCode]: merged });
    setNotice({ kind: "info", text: t("mergedNowSave") });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <label className="flex min-h-10 items-center gap-2">
          <input type="checkbox" checked={showPrevious} onChange={(event) => setShowPrevious(event.target.checked)} className="h-5 w-5" />
          {t("showPrevious")}
        </label>
        <label className="flex min-h-10 items-center gap-2">
          <input type="checkbox" checked={showAuthors} onChange={(event) => setShowAuthors(event.target.checked)} className="h-5 w-5" />
          {t("showAuthors")}
        </label>
      </div>
      <p className="text-sm text-slate-700">{t("keyboardHelp")}</p>
      {offline ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="grid-offline">{t("needsConnection")}</p>
      ) : null}

      {notice && (
        <NoticeBox kind={notice.kind}>
          <p>{notice.text}</p>
          {notice.retry ? <button type="button" onClick={save} className="mt-2 min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("retry")}</button> : null}
        </NoticeBox>
      )}

      {Object.entries(conflicts).map(([rowCode, conflict]) => {
        const row = rows.find((candidate) => candidate.code === rowCode)!;
        return <ConflictPanel key={rowCode} title={row.name} elements={elementsOf(row.level)} mine={cells[rowCode]} conflict={conflict} onResolve={(choice) => resolve(rowCode, choice)} />;
      })}

      <ScrollBox label={t("tableLabel")} className="max-h-[75vh] overflow-y-auto rounded-md bg-white shadow-sm">
        <table className="border-collapse text-sm" data-testid="ward-grid">
          <thead className="sticky top-0 z-20 bg-slate-100">
            <tr>
              <th scope="col" className="sticky left-0 z-30 min-w-[10rem] bg-slate-100 p-2 text-left">{t("group")}</th>
              {columns.map((column) => (
                <th key={column.code} scope="col" className="min-w-[6.5rem] max-w-[8rem] p-1 text-left align-bottom font-medium">
                  <span className="line-clamp-3">{column.name}</span>
                  <span className="block break-all text-xs font-normal text-slate-600">{column.code}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {blocks.map((block, index) => (
              <GridRowBlock key={block[0].code} rows={block} start={index * ROWS_PER_BLOCK} columns={columns} authors={grid.authors} cells={cells} saved={saved} errors={errors} warnings={warnings} showPrevious={showPrevious} showAuthors={showAuthors} on={handlers} />
            ))}
          </tbody>
        </table>
      </ScrollBox>

      {problems.length > 0 && (
        <section aria-labelledby="grid-problems" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <h2 id="grid-problems" className="font-semibold">{t("problemsTitle", { count: problems.length })}</h2>
          <ul className="mt-2 space-y-2">
            {problems.map(({ row, column, error, warning }) => (
              <li key={`${row.code}-${column.code}`}>
                <button
                  type="button"
                  id={`problem-${row.code}-${column.code}`}
                  className="text-left underline"
                  onClick={() => focusCell(rows.indexOf(row), columns.indexOf(column))}
                >
                  {row.name}: {error ?? warning}
                </button>
                {!error && warning ? (
                  <label className="mt-1 block text-sm">
                    {t("reason")}
                    <input
                      value={reasons[row.code]?.[column.code] ?? ""}
                      onChange={(event) => change(cells, { ...reasons, [row.code]: { ...reasons[row.code], [column.code]: event.target.value } })}
                      className="mt-1 block min-h-10 w-full rounded-md border border-amber-400 bg-white px-2"
                    />
                  </label>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="sticky bottom-0 z-40 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50 py-3">
        <button type="button" onClick={save} disabled={pending} className="min-h-12 rounded-md bg-brand-700 px-6 text-base font-semibold text-white disabled:opacity-60">
          {pending ? t("saving") : t("save", { count: changedRows.length })}
        </button>
        <span className="text-sm text-slate-700">{t("changedRows", { count: changedRows.length })}</span>
      </div>
    </div>
  );
}
