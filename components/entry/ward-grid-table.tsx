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

type Cells = Record<string, Record<string, string>>;
type Notice = { kind: "info" | "success" | "error"; text: string; retry?: boolean };

const cellId = (row: number, column: number) => `cell-${row}-${column}`;
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
  const statusName = useTranslations("entry.status");
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

  const editable = (rowIndex: number, columnIndex: number) => {
    const row = rows[rowIndex];
    return columns[columnIndex].level === row.level && row.status !== "APPROVED" && row.status !== "LOCKED" && !row.fromActivities.includes(columns[columnIndex].code);
  };
  /** A pasted figure equal to the one the row's activities made (a cell the grid does not type). */
  const sameAsActivities = (rowIndex: number, columnIndex: number, text: string) => {
    const row = rows[rowIndex];
    const column = columns[columnIndex];
    if (!row.fromActivities.includes(column.code) || row.status === "APPROVED" || row.status === "LOCKED") return false;
    const figure = parseFigure(text, column.name, say);
    return figure.ok && figure.value !== null && figure.value === row.values[column.code];
  };
  const elementsOf = (level: string) => columns.filter((column) => column.level === level);
  const changedRows = rows.filter((row) => elementsOf(row.level).some((column) => (cells[row.code]?.[column.code] ?? "") !== (saved[row.code]?.[column.code] ?? "")));

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

  const errorOf = (rowCode: string, code: string) => serverErrors[rowCode]?.[code] ?? checks[rowCode]?.errors[code];
  const warningOf = (rowCode: string, code: string) => checks[rowCode]?.warnings[code];
  const problems = changedRows.flatMap((row) =>
    elementsOf(row.level).flatMap((column) => {
      const error = errorOf(row.code, column.code);
      const warning = warningOf(row.code, column.code);
      return error || warning ? [{ row, column, error, warning }] : [];
    }),
  );

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
            {rows.map((row, rowIndex) => {
              const changedRow = changedRows.includes(row);
              return (
                <tr key={row.code} className={`border-t border-slate-200 ${changedRow ? "bg-amber-50/60" : ""}`} data-unit={row.code}>
                  <th scope="row" className="sticky left-0 z-10 bg-white p-2 text-left font-medium">
                    <span className="block">{row.level === "WARD" ? t("wardRow", { name: row.name }) : row.name}</span>
                    <span className="block text-xs font-normal text-slate-600">{statusName(row.status)}</span>
                  </th>
                  {columns.map((column, columnIndex) => {
                    if (!editable(rowIndex, columnIndex)) {
                      const value = row.values[column.code];
                      const fromActivities = row.fromActivities.includes(column.code);
                      return <td key={column.code} title={fromActivities ? t("fromActivities") : undefined} data-from-activities={fromActivities || undefined} className="bg-slate-50 p-1 text-center text-slate-500">{column.level === row.level && value != null ? format.number(value) : ""}</td>;
                    }
                    const error = errorOf(row.code, column.code);
                    const warning = warningOf(row.code, column.code);
                    const authorIndex = row.authors[column.code];
                    const author = authorIndex === undefined ? undefined : grid.authors[authorIndex];
                    const previous = row.previous[column.code];
                    const label = `${row.name}, ${column.name}`;
                    return (
                      <td key={column.code} className="p-0.5 align-top">
                        <input
                          id={cellId(rowIndex, columnIndex)}
                          aria-label={label}
                          inputMode="numeric"
                          autoComplete="off"
                          value={cells[row.code]?.[column.code] ?? ""}
                          onChange={(event) => setCell(row.code, column.code, event.target.value)}
                          onKeyDown={(event) => onKeyDown(event, rowIndex, columnIndex)}
                          onPaste={(event) => onPaste(event, rowIndex, columnIndex)}
                          aria-invalid={error ? true : undefined}
                          // Who entered the figure is said when asked for: a date formatted for each of 800 cells on arrival was hydration time an old phone paid for.
                          title={error ?? warning ?? (author && showAuthors ? t(author.confirmed ? "confirmedBy" : "enteredBy", { name: author.name ?? "?", time: format.dateTime(new Date(author.at), "dateTime") }) : undefined)}
                          className={`grid-cell ${error ? "border-red-600 bg-red-50" : warning ? "border-amber-500 bg-amber-50" : ""}`}
                        />
                        {showPrevious ? <span className="block text-right text-xs text-slate-600">{previous == null ? "–" : format.number(previous)}</span> : null}
                        {showAuthors && author ? <span className="block truncate text-xs text-slate-600" data-testid={`author-${row.code}-${column.code}`}>{author.confirmed ? "✓ " : ""}{author.name ?? "?"}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
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
