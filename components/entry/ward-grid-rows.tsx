"use client";

import { memo, Suspense } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { WardGrid } from "@/lib/reports/ward-grid";

export type Cells = Record<string, Record<string, string>>;
type Row = WardGrid["rows"][number];
type Column = WardGrid["columns"][number];

/** Stable across renders: the grid passes the same object every time, so a block whose figures did not change is not rendered again. */
export interface GridCellHandlers {
  change: (rowCode: string, code: string, text: string) => void;
  keyDown: (event: React.KeyboardEvent<HTMLInputElement>, rowIndex: number, columnIndex: number) => void;
  paste: (event: React.ClipboardEvent<HTMLInputElement>, rowIndex: number, columnIndex: number) => void;
}

export interface GridRowBlockProps {
  rows: Row[];
  /** The index of the block's first row in the grid (the cells' ids and the keyboard moves count from the grid's top). */
  start: number;
  columns: Column[];
  authors: WardGrid["authors"];
  cells: Cells;
  saved: Cells;
  errors: Cells;
  warnings: Cells;
  showPrevious: boolean;
  showAuthors: boolean;
  on: GridCellHandlers;
}

export const cellId = (row: number, column: number) => `cell-${row}-${column}`;

/** A cell the grid types into: the row's own level, a month still open, and not a figure the team's activity log makes. */
export function isEditable(row: Row, column: Column): boolean {
  return column.level === row.level && row.status !== "APPROVED" && row.status !== "LOCKED" && !row.fromActivities.includes(column.code);
}

export function rowChanged(row: Row, columns: Column[], cells: Cells, saved: Cells): boolean {
  return columns.some((column) => column.level === row.level && (cells[row.code]?.[column.code] ?? "") !== (saved[row.code]?.[column.code] ?? ""));
}

/**
 * A few of the grid's rows in a Suspense boundary of their own. React hydrates
 * a boundary that arrived complete from the server later, in slices it can
 * interrupt, instead of in the page's one long task: hydrating 800 inputs at
 * once blocked an old phone's main thread for half a second. The block is
 * memoised so that a render of the grid before then (the outbox's state
 * arriving) leaves a block not yet hydrated alone; an event on one of its
 * inputs hydrates it at once, so nothing typed or pasted is lost.
 */
export const GridRowBlock = memo(function GridRowBlock(props: GridRowBlockProps) {
  return (
    <Suspense fallback={null}>
      <GridRows {...props} />
    </Suspense>
  );
});

function GridRows({ rows, start, columns, authors, cells, saved, errors, warnings, showPrevious, showAuthors, on }: GridRowBlockProps) {
  const t = useTranslations("grid");
  const statusName = useTranslations("entry.status");
  const format = useFormatter();
  return rows.map((row, offset) => {
    const rowIndex = start + offset;
    return (
      <tr key={row.code} className={`border-t border-slate-200 ${rowChanged(row, columns, cells, saved) ? "bg-amber-50/60" : ""}`} data-unit={row.code}>
        <th scope="row" className="sticky left-0 z-10 bg-white p-2 text-left font-medium">
          <span className="block">{row.level === "WARD" ? t("wardRow", { name: row.name }) : row.name}</span>
          <span className="block text-xs font-normal text-slate-600">{statusName(row.status)}</span>
        </th>
        {columns.map((column, columnIndex) => {
          if (!isEditable(row, column)) {
            const value = row.values[column.code];
            const fromActivities = row.fromActivities.includes(column.code);
            return <td key={column.code} title={fromActivities ? t("fromActivities") : undefined} data-from-activities={fromActivities || undefined} className="bg-slate-50 p-1 text-center text-slate-500">{column.level === row.level && value != null ? format.number(value) : ""}</td>;
          }
          const error = errors[row.code]?.[column.code];
          const warning = warnings[row.code]?.[column.code];
          const authorIndex = row.authors[column.code];
          const author = authorIndex === undefined ? undefined : authors[authorIndex];
          const previous = row.previous[column.code];
          return (
            <td key={column.code} className="p-0.5 align-top">
              <input
                id={cellId(rowIndex, columnIndex)}
                aria-label={`${row.name}, ${column.name}`}
                inputMode="numeric"
                autoComplete="off"
                value={cells[row.code]?.[column.code] ?? ""}
                onChange={(event) => on.change(row.code, column.code, event.target.value)}
                onKeyDown={(event) => on.keyDown(event, rowIndex, columnIndex)}
                onPaste={(event) => on.paste(event, rowIndex, columnIndex)}
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
  });
}
