// `rawClient(client, createClient)`: the generated openapi-fetch client sending as an ergonomic client does (its
// credentials, base URL, headers, redirect guard and debug log); a function of its own, so only the full clients,
// whose `raw` calls it, bundle openapi-fetch.
import { internalsOf, type BaseClient } from "./client.js";
import { safeHeaders } from "./logging.js";
import { fetchRequestSafely } from "./redirects.js";

/** The part of an openapi-fetch client this needs: its middleware hook. */
interface Middlewares {
  use(...middleware: { onRequest(options: { request: Request }): void }[]): void;
}

/** Builds `createClient` (from `@agentruns/<provider>-openapi`) with `client`'s settings. */
export function rawClient<Raw>(client: BaseClient<any>, createClient: (options: any) => Raw): Raw {
  const core = internalsOf(client);
  const s = core.settings();
  const raw = createClient({
    ...Object.fromEntries(s.credentials),
    env: s.env,
    baseUrl: s.baseUrl,
    fetch: (request: Request) => fetchRequestSafely(request, s.transport, core.title),
    headers: s.headers,
  });
  const log = s.debug;
  if (log) {
    (raw as Middlewares).use({
      onRequest: ({ request }) =>
        log(
          "debug",
          `${core.title} ${request.method} ${new URL(request.url).pathname} headers`,
          safeHeaders(request.headers, s.masked),
        ),
    });
  }
  return raw;
}
