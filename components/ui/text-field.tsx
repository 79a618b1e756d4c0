/** A labelled input with a large touch target; its errors are tied to it for screen readers. */
export function TextField({
  id,
  label,
  errors,
  hint,
  ...input
}: { id: string; label: string; errors?: string[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={input.name ?? id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base aria-invalid:border-red-600"
        {...input}
      />
      {errors?.length ? (
        <p id={`${id}-errors`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
