// A POST written by hand on a raw socket: its head, then its body in 16 KiB pieces, so a test sees when a server
// answers (413 on the Content-Length alone, or as a chunked body passes a limit) and how much was sent by then.
import { connect } from "node:net";

/**
 * POSTs to `url`'s path with `head` (`content-length` or `transfer-encoding: chunked`), then up to `pieces` pieces of
 * 16 KiB, one every `pauseMs`, until the server answers; resolves with its status line ("" when it closed without
 * one) and how many pieces went out before it.
 */
export function slowPost(
  url: string,
  head: Record<string, string>,
  pieces: number,
  pauseMs = 5,
): Promise<{ status: string; sent: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let sent = 0;
    let answer = "";
    const piece = Buffer.alloc(16 * 1024, 0x20);
    const chunked = head["transfer-encoding"] === "chunked";
    const more = () => {
      if (answer || socket.destroyed || sent >= pieces) return;
      sent++;
      socket.write(
        chunked ? Buffer.concat([Buffer.from("4000\r\n"), piece, Buffer.from("\r\n")]) : piece,
        () => setTimeout(more, pauseMs),
      );
    };
    socket.on("connect", () => {
      const lines = Object.entries({
        host: `${hostname}:${port}`,
        "content-type": "application/json",
        ...head,
      });
      socket.write(
        `POST ${pathname} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`,
      );
      setTimeout(more, 2 * pauseMs);
    });
    socket.on("data", (d) => {
      answer ||= d.toString().split("\r\n")[0]!;
      resolve({ status: answer, sent });
      socket.destroy();
    });
    // A reset after the answer (the server closes as it refuses) is the expected end, not a failure.
    socket.on("error", () => {});
    socket.on("close", () => resolve({ status: answer, sent }));
  });
}
