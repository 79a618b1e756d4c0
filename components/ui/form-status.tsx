/** The outcome of a form: a failure is announced as an alert, a success as a status. */
export function FormStatus({ state, success }: { state: { ok: boolean; message?: string } | null; success?: React.ReactNode }) {
  if (!state) return null;
  if (state.ok) {
    return success ? (
      <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        {success}
      </div>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {state.message}
    </p>
  );
}
