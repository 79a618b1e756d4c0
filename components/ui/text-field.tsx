/** A labelled text input with a large touch target; the label is tied to the input for screen readers. */
export function TextField({
  id,
  label,
  ...input
}: { id: string; label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input id={id} name={id} className="block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base" {...input} />
    </div>
  );
}
