/**
 * Plain HTTP requests without keep-alive (no socket outlives the caller), and
 * the wait until a freshly spawned app server answers: used by `npm start` and
 * by the browser tests' app server.
 */
import http from "node:http";
import type { ChildProcess } from "node:child_process";

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** One request; status 0 when nothing listens. */
export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<PlainResponse> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on("error", () => resolve({ status: 0, headers: {} }));
    request.end(options.body);
  });
}

/** Polls the URL until it answers below 500, the server exits, or the time runs out. */
export async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<"ready" | "exited" | "timeout"> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return "exited";
    const { status } = await httpRequest(url);
    if (status > 0 && status < 500) return "ready";
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return "timeout";
}
