"use client";

import { useState, useTransition } from "react";
import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import type { findUnitsAction, reorganiseAction } from "@/app/(app)/admin/reorganise/actions";
import { UnitFinder } from "./unit-finder";
import { ReorganisationPreviewView } from "./reorganisation-preview";

type State = Awaited<ReturnType<typeof reorganiseAction>> | null;
type Kind = "MERGE" | "SPLIT" | "MOVE" | "RENAME" | "ABOLISH_LEVEL";
interface Part {
  mode: "existing" | "new";
  code: string;
  name: string;
  kind: string;
  share: string;
  adults: string;
  children: string;
}

const KINDS: Kind[] = ["MERGE", "SPLIT", "MOVE", "RENAME", "ABOLISH_LEVEL"];
const codes = (text: string) => text.split(/[\s,;]+/).map((code) => code.trim()).filter(Boolean);
const number = (text: string) => (text.trim() === "" ? undefined : Number(text.replace(",", ".")));
const emptyPart = (): Part => ({ mode: "new", code: "", name: "", kind: "", share: "", adults: "", children: "" });

/**
 * The operator fills in one change; "Xem trước" shows exactly what it will do
 * (the server runs it and rolls it back), and only that previewed change can
 * then be confirmed. Editing anything after the preview asks for a new one.
 */
export function ReorganiseForm({ action, findUnits }: { action: (state: State, data: FormData) => Promise<State>; findUnits: typeof findUnitsAction }) {
  const t = useTranslations("reorganise");
  const [state, formAction, pending] = useActionStateOfflineSafe(action, null);
  const [, startTransition] = useTransition();
  // Submitted by hand rather than through <form action>: React resets a form after its action,
  // which would put the controlled radio buttons back to their first state on screen.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  const [kind, setKind] = useState<Kind>("MERGE");
  const [fields, setFields] = useState<Record<string, string>>({ effectiveOn: "", decisionRef: "", reason: "", into: "new" });
  const [parts, setParts] = useState<Part[]>([emptyPart(), emptyPart()]);
  const set = (name: string) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setFields({ ...fields, [name]: event.target.value });
  const value = (name: string) => fields[name] ?? "";
  /** A code field with its finder: a picked unit's code replaces the field, or joins the list in a field of several codes. */
  const codeField = (name: string, label: string, options: { several?: boolean; hint?: string; errorKey?: string; required?: boolean } = {}) => (
    <div>
      <TextField id={name} label={label} hint={options.hint} value={value(name)} onChange={set(name)} errors={errors(options.errorKey ?? name)} required={options.required ?? true} />
      <UnitFinder
        find={findUnits}
        forField={label}
        onPick={(code) => setFields((current) => ({ ...current, [name]: options.several && current[name]?.trim() ? `${current[name].trim().replace(/[,;]$/, "")}, ${code}` : code }))}
      />
    </div>
  );
  const errors = (prefix: string) => {
    if (!state || state.ok) return undefined;
    const found = Object.entries(("fieldErrors" in state ? state.fieldErrors : undefined) ?? {}).filter(([key]) => key === prefix || key.startsWith(`${prefix}.`)).flatMap(([, messages]) => messages);
    return found.length ? found : undefined;
  };
  const receiver = (prefix: string, mode: string, code: string, name: string, unitKind: string, parent?: string) =>
    mode === "existing" ? { existingCode: code } : { newCode: code, newName: name, newKind: unitKind, ...(parent ? { parentCode: parent } : {}) };

  const payload = JSON.stringify({
    kind,
    effectiveOn: value("effectiveOn"),
    decisionRef: value("decisionRef"),
    reason: value("reason"),
    ...(kind === "RENAME" && { unitCode: value("unitCode"), ...(value("newName") && { newName: value("newName") }), ...(value("newCode") && { newCode: value("newCode") }) }),
    ...(kind === "MOVE" && { unitCode: value("unitCode"), newParentCode: value("newParentCode") }),
    ...(kind === "MERGE" && { sourceCodes: codes(value("sourceCodes")), into: receiver("into", value("into"), value("intoCode"), value("intoName"), value("intoKind"), value("intoParent")) }),
    ...(kind === "SPLIT" && {
      sourceCode: value("sourceCode"),
      parts: parts.map((part) => ({
        unit: receiver("part", part.mode, part.code, part.name, part.kind),
        ...(number(part.share) !== undefined && { sharePercent: number(part.share) }),
        ...(number(part.adults) !== undefined && { adults: number(part.adults) }),
        childCodes: codes(part.children),
      })),
    }),
    ...(kind === "ABOLISH_LEVEL" && { districtCodes: codes(value("districtCodes")) }),
  });
  const previewed = state?.ok === true && !state.committed && state.payload === payload;
  const committed = state?.ok === true && state.committed;
  const setPart = (index: number, change: Partial<Part>) => setParts(parts.map((part, i) => (i === index ? { ...part, ...change } : part)));

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4 rounded-md bg-white p-4 shadow-sm">
        <input type="hidden" name="payload" value={payload} />
        <fieldset>
          <legend className="mb-1 font-medium">{t("kind")}</legend>
          <div className="flex flex-wrap gap-2">
            {KINDS.map((option) => (
              <label key={option} className="flex min-h-12 items-center gap-2 rounded-md border border-slate-300 px-3">
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
                {t(`kinds.${option}`)}
              </label>
            ))}
          </div>
          <p className="mt-1 text-sm text-slate-700">{t(`help.${kind}`)}</p>
        </fieldset>

        <div className="grid gap-3 sm:grid-cols-3">
          <TextField id="effectiveOn" label={t("effectiveOn")} hint={t("effectiveOnHint")} type="month" placeholder="2025-07" value={value("effectiveOn")} onChange={set("effectiveOn")} errors={errors("effectiveOn")} required />
          <TextField id="decisionRef" label={t("decisionRef")} hint={t("decisionRefHint")} value={value("decisionRef")} onChange={set("decisionRef")} errors={errors("decisionRef")} required />
          <TextField id="reason" label={t("reason")} value={value("reason")} onChange={set("reason")} errors={errors("reason")} required />
        </div>

        {(kind === "RENAME" || kind === "MOVE") && codeField("unitCode", t("unitCode"))}
        {kind === "RENAME" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField id="newName" label={t("newName")} value={value("newName")} onChange={set("newName")} errors={errors("newName")} />
            <TextField id="newCode" label={t("newCode")} value={value("newCode")} onChange={set("newCode")} errors={errors("newCode")} />
          </div>
        )}
        {kind === "MOVE" && codeField("newParentCode", t("newParentCode"))}
        {kind === "ABOLISH_LEVEL" && codeField("districtCodes", t("districtCodes"), { several: true, hint: t("codesHint") })}

        {kind === "MERGE" && (
          <>
            {codeField("sourceCodes", t("sourceCodes"), { several: true, hint: t("codesHint") })}
            <fieldset className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 font-medium">{t("into")}</legend>
              <div className="mb-2 flex flex-wrap gap-3">
                {(["new", "existing"] as const).map((mode) => (
                  <label key={mode} className="flex min-h-12 items-center gap-2">
                    <input type="radio" name="intoMode" checked={value("into") === mode} onChange={() => setFields({ ...fields, into: mode })} />
                    {t(mode === "new" ? "receiverNew" : "receiverExisting")}
                  </label>
                ))}
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                {value("into") === "new" ? (
                  <TextField id="intoCode" label={t("newUnitCode")} value={value("intoCode")} onChange={set("intoCode")} errors={errors("into")} required />
                ) : (
                  codeField("intoCode", t("existingCode"), { errorKey: "into" })
                )}
                {value("into") === "new" && (
                  <>
                    <TextField id="intoName" label={t("newUnitName")} value={value("intoName")} onChange={set("intoName")} required />
                    <TextField id="intoKind" label={t("newUnitKind")} hint={t("newUnitKindHint")} value={value("intoKind")} onChange={set("intoKind")} required />
                    {codeField("intoParent", t("parentCode"), { hint: t("parentCodeHint"), required: false })}
                  </>
                )}
              </div>
            </fieldset>
          </>
        )}

        {kind === "SPLIT" && (
          <>
            {codeField("sourceCode", t("sourceCode"))}
            {errors("parts") && <p className="text-sm text-red-700">{errors("parts")!.join(" ")}</p>}
            {parts.map((part, index) => (
              <fieldset key={index} className="rounded-md border border-slate-200 p-3">
                <legend className="px-1 font-medium">{t("part", { n: index + 1 })}</legend>
                <div className="mb-2 flex flex-wrap gap-3">
                  {(["new", "existing"] as const).map((mode) => (
                    <label key={mode} className="flex min-h-12 items-center gap-2">
                      <input type="radio" name={`part-${index}-mode`} checked={part.mode === mode} onChange={() => setPart(index, { mode })} />
                      {t(mode === "new" ? "receiverNew" : "receiverExisting")}
                    </label>
                  ))}
                </div>
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextField id={`part-${index}-code`} label={part.mode === "new" ? t("newUnitCode") : t("existingCode")} value={part.code} onChange={(event) => setPart(index, { code: event.target.value })} required />
                  {part.mode === "new" && <TextField id={`part-${index}-name`} label={t("newUnitName")} value={part.name} onChange={(event) => setPart(index, { name: event.target.value })} required />}
                  {part.mode === "new" && <TextField id={`part-${index}-kind`} label={t("newUnitKind")} value={part.kind} onChange={(event) => setPart(index, { kind: event.target.value })} required />}
                  <TextField id={`part-${index}-share`} label={t("share")} inputMode="decimal" value={part.share} onChange={(event) => setPart(index, { share: event.target.value })} />
                  <TextField id={`part-${index}-adults`} label={t("adults")} inputMode="numeric" value={part.adults} onChange={(event) => setPart(index, { adults: event.target.value })} />
                  <TextField id={`part-${index}-children`} label={t("childCodes")} value={part.children} onChange={(event) => setPart(index, { children: event.target.value })} />
                </div>
                {errors(`parts.${index}`) && <p className="mt-1 text-sm text-red-700">{errors(`parts.${index}`)!.join(" ")}</p>}
              </fieldset>
            ))}
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={() => setParts([...parts, emptyPart()])} className="min-h-12 rounded-md border border-slate-400 bg-white px-4">{t("addPart")}</button>
              {parts.length > 2 && <button type="button" onClick={() => setParts(parts.slice(0, -1))} className="min-h-12 rounded-md border border-slate-400 bg-white px-4">{t("removePart")}</button>}
            </div>
          </>
        )}

        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="preview" disabled={pending} className="min-h-12 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-800 disabled:opacity-60">
            {pending ? t("working") : t("preview")}
          </button>
          {previewed && (
            <button type="submit" name="intent" value="commit" disabled={pending} aria-busy={pending} className="min-h-12 rounded-md bg-red-700 px-4 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
              {t("commit")}
            </button>
          )}
        </div>
        {state?.ok === true && !state.committed && !previewed && <p className="text-sm text-amber-800">{t("changedSincePreview")}</p>}
      </form>

      {state?.ok === false && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      {committed && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("committed")}
        </p>
      )}
      {state?.ok === true && <ReorganisationPreviewView preview={state.preview} committed={state.committed} />}
    </div>
  );
}
