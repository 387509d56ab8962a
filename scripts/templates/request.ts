// A Request rebuilt with another URL or headers: its body read into bytes first, so the copy keeps its
// Content-Length (a copy that streamed the body would go out chunked, which servers answering 411 refuse).
export async function copyRequest(request: Request, url: string, headers: Headers): Promise<Request> {
  const body = request.body ? await request.arrayBuffer() : undefined;
  return new Request(url, {
    method: request.method,
    headers,
    signal: request.signal,
    redirect: request.redirect,
    ...(body === undefined ? {} : { body }),
  });
}
