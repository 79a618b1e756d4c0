/** What a form says after an action: an error is announced as an alert, anything else as a status, never by colour alone. */
export type NoticeKind = "info" | "success" | "error";

const TONES: Record<NoticeKind, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

export function NoticeBox({ kind, children, as: Tag = "div" }: { kind: NoticeKind; children: React.ReactNode; as?: "div" | "p" }) {
  return (
    <Tag role={kind === "error" ? "alert" : "status"} className={`rounded-md border p-3 ${TONES[kind]}`}>
      {children}
    </Tag>
  );
}
