/** Why an import was refused: the message, then every row's error by line and column, as the user sees them in their spreadsheet. */
export interface ImportError {
  line: number;
  column: string;
  message: string;
}

export function ImportFailure({ message, errors, labels }: { message: string; errors: ImportError[]; labels: { title: string; line: string; column: string; error: string } }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{message}</p>
      {errors.length > 0 && <ImportErrorsTable errors={errors} labels={labels} />}
    </div>
  );
}

function ImportErrorsTable({ errors, labels }: { errors: ImportError[]; labels: { title: string; line: string; column: string; error: string } }) {
  return (
    <div className="mt-2 max-h-96 overflow-auto">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="mb-1 text-left font-semibold">{labels.title}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">{labels.line}</th>
            <th scope="col" className="pr-2">{labels.column}</th>
            <th scope="col">{labels.error}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index} className="border-t border-red-200 align-top">
              <td className="pr-2 tabular-nums">{error.line}</td>
              <td className="pr-2 font-mono">{error.column}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
