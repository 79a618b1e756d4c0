/**
 * How a save's answer is read, the same whether the form sends it at once or
 * the device's queue sends it days later: against a real HTTP server that
 * answers as the write routes do (lib/api/write-route.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sendSave } from "@/lib/offline/send-outbox";

let server: http.Server;
let base: string;
const received: unknown[] = [];

const ANSWERS: Record<string, [number, unknown]> = {
  "/saved": [200, { ok: true, version: 4, changed: 2, replayed: false }],
  "/replayed": [200, { ok: true, version: 4, changed: 0, replayed: true }],
  "/conflict": [409, { ok: false, status: 409, message: "Cán bộ phường vừa lưu báo cáo này.", conflict: { version: 5, values: { ADULTS: 900 } } }],
  "/refused": [400, { ok: false, status: 400, message: "Số liệu chưa hợp lệ.", fieldErrors: { ADULTS: ["Phải là số nguyên."] } }],
  "/approved": [409, { ok: false, status: 409, message: "Báo cáo tháng này đã được duyệt hoặc khóa." }],
  "/forbidden": [404, { ok: false, status: 404, message: "Không tìm thấy đơn vị này trong phạm vi của bạn." }],
  "/signin": [401, { ok: false, status: 401, message: "Phiên đăng nhập đã hết." }],
  "/server-error": [500, { ok: false, status: 500, message: "Máy chủ gặp lỗi; chưa ghi gì." }],
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push(JSON.parse(body || "null"));
      if (request.url === "/database-down") {
        response.writeHead(503, { "Content-Type": "text/html" });
        return response.end("<p>Tạm thời không truy cập được</p>");
      }
      const [status, answer] = ANSWERS[request.url ?? ""] ?? [404, { ok: false, status: 404, message: "?" }];
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("reading a save's answer", () => {
  const body = { version: 3, requestId: "6f0e1a4c-4a39-4d38-9d5e-1f9a2d1a7c11", values: { ADULTS: "901" } };

  it("sends the body as JSON, request id and version included", async () => {
    await sendSave(`${base}/saved`, body);
    expect(received.at(-1)).toEqual(body);
  });

  it("applied, or recognised as applied: sent, with the server's result", async () => {
    await expect(sendSave(`${base}/saved`, body)).resolves.toEqual({ kind: "sent", result: ANSWERS["/saved"][1] });
    await expect(sendSave(`${base}/replayed`, body)).resolves.toMatchObject({ kind: "sent", result: { replayed: true } });
  });

  it("a colleague's later save: a conflict carrying their figures, for the merge", async () => {
    await expect(sendSave(`${base}/conflict`, body)).resolves.toEqual({ kind: "conflict", message: "Cán bộ phường vừa lưu báo cáo này.", conflict: { version: 5, values: { ADULTS: 900 } } });
  });

  it("refused by the rules (a figure, a month approved meanwhile, a unit out of scope): refused with the message, never dropped", async () => {
    await expect(sendSave(`${base}/refused`, body)).resolves.toEqual({ kind: "refused", message: "Số liệu chưa hợp lệ.", fieldErrors: { ADULTS: ["Phải là số nguyên."] } });
    await expect(sendSave(`${base}/approved`, body)).resolves.toEqual({ kind: "refused", message: "Báo cáo tháng này đã được duyệt hoặc khóa.", fieldErrors: undefined });
    await expect(sendSave(`${base}/forbidden`, body)).resolves.toMatchObject({ kind: "refused", message: expect.stringContaining("phạm vi") });
  });

  it("a session that ended: sign in again, the save waits", async () => {
    await expect(sendSave(`${base}/signin`, body)).resolves.toEqual({ kind: "signin", message: "Phiên đăng nhập đã hết." });
  });

  it("a server that cannot take it now (an error, the database down behind a page that is not JSON): try again later", async () => {
    await expect(sendSave(`${base}/server-error`, body)).resolves.toMatchObject({ kind: "unavailable" });
    await expect(sendSave(`${base}/database-down`, body)).resolves.toMatchObject({ kind: "unavailable" });
  });

  it("no answer at all (no connection): offline, to be sent again with the same request id", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(sendSave(`http://127.0.0.1:${port}/saved`, body)).resolves.toEqual({ kind: "offline" });
  });
});
